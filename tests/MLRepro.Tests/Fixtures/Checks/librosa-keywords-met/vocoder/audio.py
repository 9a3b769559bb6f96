"""Mel front end shared by training and inference."""
import numpy as np
import torch
import torch.nn as nn
from librosa.filters import mel as librosa_mel_fn
from librosa.util import pad_center


class MelFrontEnd(nn.Module):
    def __init__(self, n_fft=1024, hop_length=256, sampling_rate=22050, n_mels=80, fmin=0.0, fmax=None):
        super().__init__()
        window = np.hanning(n_fft)
        window = pad_center(window, size=n_fft)
        mel_basis = librosa_mel_fn(sr=sampling_rate, n_fft=n_fft, n_mels=n_mels, fmin=fmin, fmax=fmax)
        self.register_buffer("window", torch.from_numpy(window).float())
        self.register_buffer("mel_basis", torch.from_numpy(mel_basis).float())
        self.n_fft = n_fft
        self.hop_length = hop_length

    def forward(self, audio):
        spec = torch.stft(audio, self.n_fft, self.hop_length, window=self.window, return_complex=True)
        return torch.log(torch.clamp(torch.matmul(self.mel_basis, spec.abs()), min=1e-5))
