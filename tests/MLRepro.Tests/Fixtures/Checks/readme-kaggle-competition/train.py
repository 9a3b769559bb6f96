"""Trains a small CNN on a folder of labelled leaf images (one sub-folder per class)."""
import argparse

import torch
from torchvision import datasets, transforms

parser = argparse.ArgumentParser()
parser.add_argument("--data-dir", required=True)
parser.add_argument("--epochs", type=int, default=3)
args = parser.parse_args()

torch.manual_seed(0)
ds = datasets.ImageFolder(args.data_dir, transform=transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor()]))
loader = torch.utils.data.DataLoader(ds, batch_size=16, shuffle=True)
model = torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3), torch.nn.ReLU(), torch.nn.Flatten(), torch.nn.LazyLinear(len(ds.classes)))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(args.epochs):
    for x, y in loader:
        loss = torch.nn.functional.cross_entropy(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
