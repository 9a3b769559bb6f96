import torch.nn as nn


class Recognizer(nn.Module):
    def __init__(self, num_class=37, hidden=256):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 64, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d((1, 26)))
        self.rnn = nn.LSTM(64, hidden, bidirectional=True, batch_first=True)
        self.head = nn.Linear(2 * hidden, num_class)

    def forward(self, x):
        f = self.features(x).squeeze(2).permute(0, 2, 1)
        out, _ = self.rnn(f)
        return self.head(out)
