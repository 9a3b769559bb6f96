import sys

sys.path.append("tacotron2")
import torch
from layers import STFT


class Denoiser(torch.nn.Module):
    """Removes the model bias from generated audio."""

    def __init__(self, model, filter_length=1024, n_overlap=4, win_length=1024):
        super().__init__()
        self.stft = STFT(filter_length=filter_length, hop_length=filter_length // n_overlap, win_length=win_length)
        mel_input = torch.zeros((1, 80, 88))
        with torch.no_grad():
            bias_audio = model.infer(mel_input, sigma=0.0).float()
            bias_spec, _ = self.stft.transform(bias_audio)
        self.register_buffer("bias_spec", bias_spec[:, :, 0][:, :, None])

    def forward(self, audio, strength=0.1):
        spec, angles = self.stft.transform(audio.float())
        denoised = torch.clamp(spec - self.bias_spec * strength, 0.0)
        return self.stft.inverse(denoised, angles)
