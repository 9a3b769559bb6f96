"""Renders views from a fitted scene model."""
import argparse

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--scene", default="chair")
args = parser.parse_args()
model = torch.nn.Sequential(torch.nn.Linear(3, 64), torch.nn.ReLU(), torch.nn.Linear(64, 4))
model.load_state_dict(torch.load(f"logs/{args.scene}.pt"))
print(model(torch.rand(8, 3)).shape)
