import argparse
import random

import numpy as np
import torch
from torch import nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-epoch", type=int, default=10)
    parser.add_argument("-seed", type=int, default=None)
    opt = parser.parse_args()

    if opt.seed is not None:
        torch.manual_seed(opt.seed)
        torch.backends.cudnn.benchmark = False
        np.random.seed(opt.seed)
        random.seed(opt.seed)

    model = nn.Linear(4, 2)
    optimizer = torch.optim.Adam(model.parameters())
    data = torch.randn(64, 4)
    for _ in range(opt.epoch):
        idx = list(range(64))
        random.shuffle(idx)
        loss = model(data[idx]).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), "model.pt")


if __name__ == "__main__":
    main()
