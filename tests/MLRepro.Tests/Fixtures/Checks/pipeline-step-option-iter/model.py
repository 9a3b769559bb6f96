import torch.nn as nn


class Recognizer(nn.Module):
    def __init__(self, num_class):
        super().__init__()
        self.cnn = nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Conv2d(64, 128, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 26)))
        self.rnn = nn.LSTM(128, 256, bidirectional=True)
        self.head = nn.Linear(512, num_class)

    def forward(self, x):
        features = self.cnn(x).squeeze(2).permute(2, 0, 1)
        out, _ = self.rnn(features)
        return self.head(out)
