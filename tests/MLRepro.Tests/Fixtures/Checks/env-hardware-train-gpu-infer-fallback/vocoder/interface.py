import os

import torch

from vocoder.modules import Generator


class Vocoder:
    def __init__(self, generator, device):
        self.generator = generator
        self.device = device

    @classmethod
    def load(cls, path):
        device = "cuda" if torch.cuda.is_available() else "cpu"
        generator = Generator().to(device)
        generator.load_state_dict(torch.load(os.path.join(path, "netG.pt"), map_location=device))
        return cls(generator.eval(), device)

    def __call__(self, mel):
        with torch.no_grad():
            return self.generator(mel.to(self.device)).squeeze(1)
