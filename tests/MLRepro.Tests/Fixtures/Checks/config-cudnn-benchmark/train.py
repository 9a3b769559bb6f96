"""Trains a small regressor; every hyperparameter and the seed come from configs/base.yaml."""
import argparse
import random

import numpy as np
import torch
import yaml
from torch.utils.data import DataLoader, TensorDataset


def set_seed(seed):
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.cuda.manual_seed_all(seed)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/base.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)

    set_seed(cfg["seed"])
    torch.backends.cudnn.benchmark = True

    x = torch.randn(256, 8)
    y = x.sum(dim=1, keepdim=True)
    loader = DataLoader(TensorDataset(x, y), batch_size=cfg["train"]["batch_size"], shuffle=True)
    model = torch.nn.Sequential(torch.nn.Linear(8, cfg["model"]["hidden"]), torch.nn.ReLU(), torch.nn.Linear(cfg["model"]["hidden"], 1))
    opt = torch.optim.Adam(model.parameters(), lr=cfg["train"]["learning_rate"])
    for _ in range(cfg["train"]["epochs"]):
        for xb, yb in loader:
            loss = torch.nn.functional.mse_loss(model(xb), yb)
            opt.zero_grad()
            loss.backward()
            opt.step()
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    main()
