from torch import nn


class Generator(nn.Module):
    def __init__(self, n_mels=80):
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(n_mels, 256, 7, padding=3), nn.LeakyReLU(0.2), nn.ConvTranspose1d(256, 1, 256, stride=256), nn.Tanh())

    def forward(self, mel):
        return self.net(mel)


class Discriminator(nn.Module):
    def __init__(self):
        super().__init__()
        self.net = nn.Sequential(nn.Conv1d(1, 16, 15, padding=7), nn.LeakyReLU(0.2), nn.Conv1d(16, 1, 3, padding=1))

    def forward(self, audio):
        return self.net(audio)
