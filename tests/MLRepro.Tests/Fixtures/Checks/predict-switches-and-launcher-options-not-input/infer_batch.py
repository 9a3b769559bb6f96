"""Runs the trained model on the bundled examples (the samples are fixed in the code)."""
import argparse

import torch
from torch import nn

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--local_rank", type=int, default=-1)
    parser.add_argument("--fp16", action="store_true")
    args = parser.parse_args()
    model = nn.Linear(4, 2)
    model.load_state_dict(torch.load("model.pt"))
    examples = torch.tensor([[1.0, 2.0, 3.0, 4.0], [0.5, 0.5, 0.5, 0.5]])
    print(model(examples))
