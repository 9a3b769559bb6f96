import argparse

import torch
import torch.nn as nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--num_iters", type=int, default=200000, help="generator updates")
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    gen = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 784)).to(device)
    opt = torch.optim.Adam(gen.parameters(), lr=2e-4)
    for step in range(args.num_iters):
        z = torch.randn(args.batch_size, 64, device=device)
        loss = gen(z).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(gen.state_dict(), "generator.pt")


if __name__ == "__main__":
    main()
