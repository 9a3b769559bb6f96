import torch
import torchaudio
from torch.utils.data import Dataset


class AudioDataset(Dataset):
    def __init__(self, file_list):
        self.files = [line.strip() for line in open(file_list)]
        self.mel = torchaudio.transforms.MelSpectrogram(sample_rate=22050, n_fft=1024, hop_length=256, n_mels=80)

    def __len__(self):
        return len(self.files)

    def __getitem__(self, i):
        audio, _ = torchaudio.load(self.files[i])
        audio = audio[:, :8192]
        return torch.log(self.mel(audio).clamp(min=1e-5)).squeeze(0), audio
