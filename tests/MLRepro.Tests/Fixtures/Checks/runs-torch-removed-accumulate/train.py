import argparse

import torch

from dataset import WordImages, ordered_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/images")
    parser.add_argument("--labels", default="data/labels.txt")
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    torch.manual_seed(1111)
    data = WordImages(args.data, args.labels)
    train, valid = ordered_split(data, [len(data) - 1, 1])
    model = torch.nn.Linear(32, 4)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(args.epochs):
        for x, _word in train:
            loss = model(x).pow(2).mean()
            opt.zero_grad()
            loss.backward()
            opt.step()
    print("trained on", len(train), "validated on", len(valid))


if __name__ == "__main__":
    main()
