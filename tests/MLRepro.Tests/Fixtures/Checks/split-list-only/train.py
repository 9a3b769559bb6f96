import argparse

import torch
from torch.utils.data import DataLoader

from core.datasets import FlowPairs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--batch_size", type=int, default=8)
    parser.add_argument("--num_steps", type=int, default=100000)
    args = parser.parse_args()
    torch.manual_seed(1234)
    loader = DataLoader(FlowPairs("training"), batch_size=args.batch_size, shuffle=True)
    for step, batch in enumerate(loader):
        if step >= args.num_steps:
            break


if __name__ == "__main__":
    main()
