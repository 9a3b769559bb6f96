import argparse

import torch
from torch import nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--device", type=str, default="cpu", help="cpu, cuda, cuda:1 or mps")
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    model = nn.Linear(8, 1).to(args.device)
    opt = torch.optim.SGD(model.parameters(), lr=0.1)
    for _ in range(args.epochs):
        x = torch.randn(32, 8, device=args.device)
        loss = model(x).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
        if args.device.startswith("cuda"):
            torch.cuda.synchronize()


if __name__ == "__main__":
    main()
