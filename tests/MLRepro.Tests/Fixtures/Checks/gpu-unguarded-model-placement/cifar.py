import argparse
import os
import random

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.datasets as datasets
import torchvision.transforms as transforms

import models

parser = argparse.ArgumentParser(description="CIFAR-10/100 training with random cutout")
parser.add_argument("--dataset", default="cifar10", type=str)
parser.add_argument("--depth", default=20, type=int)
parser.add_argument("--epochs", default=164, type=int)
parser.add_argument("--lr", default=0.1, type=float)
parser.add_argument("--checkpoint", default="checkpoints", type=str)
parser.add_argument("--manualSeed", type=int, default=1)
args = parser.parse_args()

use_cuda = torch.cuda.is_available()
random.seed(args.manualSeed)
torch.manual_seed(args.manualSeed)
if use_cuda:
    torch.cuda.manual_seed_all(args.manualSeed)


def main():
    os.makedirs(args.checkpoint, exist_ok=True)
    transform = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), transforms.ToTensor()])
    trainset = datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
    trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)

    model = models.resnet(depth=args.depth)
    model = torch.nn.DataParallel(model).cuda()
    criterion = nn.CrossEntropyLoss()
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=1e-4)

    for epoch in range(args.epochs):
        train(trainloader, model, criterion, optimizer, use_cuda)
        torch.save({"epoch": epoch + 1, "state_dict": model.state_dict()}, os.path.join(args.checkpoint, "checkpoint.pth.tar"))


def train(loader, model, criterion, optimizer, use_cuda):
    model.train()
    for inputs, targets in loader:
        if use_cuda:
            inputs, targets = inputs.cuda(), targets.cuda()
        loss = criterion(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
