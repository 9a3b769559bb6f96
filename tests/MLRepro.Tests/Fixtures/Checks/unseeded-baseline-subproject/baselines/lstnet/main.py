import argparse

import numpy as np
import torch
from torch import nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--epochs", type=int, default=100)
    args = parser.parse_args()
    series = torch.tensor(np.loadtxt(args.data, delimiter=",", skiprows=1, usecols=1), dtype=torch.float32)
    model = nn.GRU(1, 50)
    head = nn.Linear(50, 1)
    optimizer = torch.optim.Adam(list(model.parameters()) + list(head.parameters()))
    for _ in range(args.epochs):
        out, _ = model(series[:-1].view(-1, 1, 1))
        loss = nn.functional.mse_loss(head(out).view(-1), series[1:])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
