import torch.nn as nn


class Darknet(nn.Module):
    def __init__(self, config_path):
        super().__init__()
        self.config_path = config_path
        self.conv = nn.Conv2d(3, 16, 3)

    def forward(self, x):
        return self.conv(x)
