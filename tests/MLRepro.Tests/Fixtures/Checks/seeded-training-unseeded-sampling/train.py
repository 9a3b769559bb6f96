import argparse
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

from model import CharRNN


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/input.txt")
    parser.add_argument("--epochs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1337)
    args = parser.parse_args()

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    text = open(args.data).read()
    chars = sorted(set(text))
    ids = torch.tensor([chars.index(c) for c in text])
    windows = ids[: len(ids) // 65 * 65].view(-1, 65)
    loader = DataLoader(TensorDataset(windows[:, :-1], windows[:, 1:]), batch_size=32, shuffle=True)
    model = CharRNN(len(chars))
    optimizer = torch.optim.Adam(model.parameters(), lr=3e-3)
    for _ in range(args.epochs):
        for x, y in loader:
            logits, _ = model(x)
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, len(chars)), y.reshape(-1))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save({"model": model.state_dict(), "chars": chars}, "model.pt")


if __name__ == "__main__":
    main()
