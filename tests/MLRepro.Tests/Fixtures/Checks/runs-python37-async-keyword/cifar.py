import argparse

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.datasets as datasets
import torchvision.transforms as transforms

from models import resnet

parser = argparse.ArgumentParser(description="CIFAR training")
parser.add_argument("--dataset", default="cifar10", type=str)
parser.add_argument("--depth", default=20, type=int)
parser.add_argument("--epochs", default=164, type=int)
parser.add_argument("--lr", default=0.1, type=float)
parser.add_argument("--p", default=0.0, type=float, help="augmentation probability")
args = parser.parse_args()


def train(loader, model, criterion, optimizer):
    model.train()
    for inputs, targets in loader:
        inputs, targets = inputs.cuda(), targets.cuda(async=True)
        loss = criterion(model(inputs), targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


def main():
    transform = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.ToTensor()])
    dataloader = datasets.CIFAR10 if args.dataset == "cifar10" else datasets.CIFAR100
    trainset = dataloader(root="./data", train=True, download=True, transform=transform)
    loader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=2)
    model = resnet(args.depth, 10 if args.dataset == "cifar10" else 100).cuda()
    optimizer = optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)
    for _ in range(args.epochs):
        train(loader, model, nn.CrossEntropyLoss(), optimizer)


if __name__ == "__main__":
    main()
