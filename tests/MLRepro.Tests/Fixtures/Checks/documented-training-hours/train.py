"""Fits a small MLP to a scene and saves the weights (the scene loader is elided in this fixture)."""
import argparse

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--scene", default="chair")
parser.add_argument("--iters", type=int, default=300000)
args = parser.parse_args()
torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
model = torch.nn.Sequential(torch.nn.Linear(3, 64), torch.nn.ReLU(), torch.nn.Linear(64, 4)).to(device)
opt = torch.optim.Adam(model.parameters(), lr=5e-4)
for i in range(args.iters):
    pts = torch.rand(1024, 3, device=device)
    loss = model(pts).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
torch.save(model.state_dict(), f"logs/{args.scene}.pt")
