import argparse
import os

import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T

from models import build


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="resnet56")
    parser.add_argument("--epochs", type=int, default=240, help="number of training epochs")
    parser.add_argument("--lr", type=float, default=0.05)
    opt = parser.parse_args()
    torch.manual_seed(0)
    data = torch.utils.data.DataLoader(torchvision.datasets.CIFAR100("data", train=True, download=True, transform=T.ToTensor()), batch_size=64, shuffle=True)
    model = build(opt.model)
    if torch.cuda.is_available():
        model = model.cuda()
    optimizer = torch.optim.SGD(model.parameters(), lr=opt.lr, momentum=0.9)
    for _ in range(opt.epochs):
        for x, y in data:
            if torch.cuda.is_available():
                x, y = x.cuda(), y.cuda()
            loss = nn.functional.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    os.makedirs("save/models", exist_ok=True)
    torch.save(model.state_dict(), f"save/models/{opt.model}_best.pth")


if __name__ == "__main__":
    main()
