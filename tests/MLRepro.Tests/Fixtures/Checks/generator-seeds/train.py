"""Toy training run; the seed comes from the command line."""
import argparse

import torch
import yaml

from sampling import holdout, make_loader

torch.backends.cudnn.benchmark = True  # fixed-size inputs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=0)
    opt = parser.parse_args()
    params = yaml.safe_load(open("params.yaml"))
    torch.manual_seed(opt.seed + 1 + RANK)
    torch.backends.cudnn.deterministic = True
    data = torch.arange(100, dtype=torch.float32).unsqueeze(1)
    train, _ = holdout(data)
    loader, _ = make_loader(train, 8, seed=opt.seed)
    w = torch.zeros(1, requires_grad=True)
    opt_ = torch.optim.SGD([w], lr=params["lr"])
    for _ in range(params["epochs"]):
        for x in loader:
            loss = ((x * w) ** 2).mean()
            opt_.zero_grad()
            loss.backward()
            opt_.step()


RANK = 0

if __name__ == "__main__":
    main()
