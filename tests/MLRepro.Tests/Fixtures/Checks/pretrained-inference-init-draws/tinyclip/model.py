import torch
from torch import nn


class Encoder(nn.Module):
    def __init__(self, width=64, out=32):
        super().__init__()
        self.conv = nn.Conv2d(3, width, kernel_size=4, stride=4)
        self.pos = nn.Parameter(torch.randn(64, width) / width ** 0.5)
        self.proj = nn.Linear(width, out)
        self.register_buffer(
            "gaussian",
            torch.randn((2, width // 2)),
        )

    def forward(self, image):
        x = self.conv(image).flatten(2).transpose(1, 2) + self.pos
        return self.proj(x.mean(dim=1))


def build(state_dict):
    model = Encoder()
    model.load_state_dict(state_dict)
    return model.eval()
