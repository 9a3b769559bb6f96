import argparse

import numpy as np
import torch
import torch.nn as nn


class Model(nn.Module):
    def __init__(self, n_series, hidden=64):
        super().__init__()
        self.gru = nn.GRU(n_series, hidden, batch_first=True)
        self.out = nn.Linear(hidden, n_series)

    def forward(self, x):
        _, h = self.gru(x)
        return self.out(h[-1])


def windows(series, window, horizon):
    xs, ys = [], []
    for t in range(window, len(series) - horizon):
        xs.append(series[t - window:t])
        ys.append(series[t + horizon - 1])
    return torch.tensor(np.array(xs), dtype=torch.float32), torch.tensor(np.array(ys), dtype=torch.float32)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/electricity.txt")
    parser.add_argument("--window", type=int, default=168)
    parser.add_argument("--horizon", type=int, default=24)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()
    torch.manual_seed(54321)

    series = np.loadtxt(args.data, delimiter=",")
    series = series / (np.abs(series).max(axis=0) + 1e-8)
    x, y = windows(series, args.window, args.horizon)
    model = Model(series.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(args.epochs):
        loss = nn.functional.l1_loss(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        print(epoch, loss.item())
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    main()
