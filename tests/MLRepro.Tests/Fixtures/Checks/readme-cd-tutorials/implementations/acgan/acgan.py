import argparse

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--n_epochs", type=int, default=1)
opt = parser.parse_args()

torch.manual_seed(0)
noise = torch.randn(8, 100)
print(opt.n_epochs, noise.mean().item())
