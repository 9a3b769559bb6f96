import json

import torch

EPOCHS = 5
lr = 0.01


def load(path="data/train.json"):
    with open(path) as f:
        return [json.loads(line) for line in f]


def main():
    rows = load()
    ages = torch.tensor([r["age"] for r in rows], dtype=torch.float32)
    w = torch.zeros(1, requires_grad=True)
    opt = torch.optim.SGD([w], lr=lr)
    for _ in range(EPOCHS):
        loss = ((ages * w - 1) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    with open("charts/confusion_matrix.json") as f:
        spec = json.load(f)
    print(spec["mark"])


if __name__ == "__main__":
    main()
