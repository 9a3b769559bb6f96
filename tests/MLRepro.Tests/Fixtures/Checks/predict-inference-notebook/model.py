import torch
from torch import nn


class Synthesizer(nn.Module):
    def __init__(self):
        super().__init__()
        self.embed = nn.Embedding(64, 32)
        self.out = nn.Linear(32, 80)

    def forward(self, x):
        return self.out(self.embed(x))

    def inference(self, x):
        return self.forward(x)
