import argparse
import random

import numpy as np
import torch
from torch import nn

fix_seed = 2021
random.seed(fix_seed)
torch.manual_seed(fix_seed)
np.random.seed(fix_seed)


def main():
    parser = argparse.ArgumentParser(description="Linear models for long-term forecasting")
    parser.add_argument("--data", default="dataset/ETTh1.csv")
    parser.add_argument("--seq_len", type=int, default=336)
    parser.add_argument("--pred_len", type=int, default=96)
    parser.add_argument("--train_epochs", type=int, default=10)
    args = parser.parse_args()

    series = torch.tensor(np.loadtxt(args.data, delimiter=",", skiprows=1, usecols=1), dtype=torch.float32)
    windows = series.unfold(0, args.seq_len + args.pred_len, 1)
    model = nn.Linear(args.seq_len, args.pred_len)
    optimizer = torch.optim.Adam(model.parameters(), lr=5e-3)
    for _ in range(args.train_epochs):
        batch = windows[torch.randperm(len(windows))[:32]]
        loss = nn.functional.mse_loss(model(batch[:, : args.seq_len]), batch[:, args.seq_len :])
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), "checkpoints/linear.pth")


if __name__ == "__main__":
    main()
