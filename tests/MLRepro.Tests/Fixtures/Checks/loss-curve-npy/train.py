import argparse
import os

import numpy as np
import torch
from torch import nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--experiment_name", default="base")
    parser.add_argument("--num_epochs", type=int, default=50)
    config = parser.parse_args()
    torch.manual_seed(0)
    x = torch.randn(512, 2)
    y = (x[:, 0] * x[:, 1] > 0).float().unsqueeze(1)
    model = nn.Sequential(nn.Linear(2, 32), nn.ReLU(), nn.Linear(32, 1))
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    losses = []
    for epoch in range(config.num_epochs):
        loss = nn.functional.binary_cross_entropy_with_logits(model(x), y)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    outdir = f"exps/{config.experiment_name}"
    os.makedirs(outdir, exist_ok=True)
    torch.save(model.state_dict(), f"{outdir}/model.pth")
    np.save(f"{outdir}/loss.npy", np.array(losses))


if __name__ == "__main__":
    main()
