"""CIFAR-10 training with mixup (PyTorch 0.3 era code)."""
import argparse
import time

import torch
import torch.nn as nn
import torch.optim as optim
import torchvision
import torchvision.transforms as transforms
from torch.autograd import Variable

parser = argparse.ArgumentParser(description="mixup training")
parser.add_argument("--lr", default=0.1, type=float)
parser.add_argument("--epochs", default=2, type=int)
args = parser.parse_args()

transform = transforms.Compose([transforms.ToTensor()])
trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transform)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True)
net = torchvision.models.resnet18(num_classes=10)
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(net.parameters(), lr=args.lr, momentum=0.9)


def train(epoch):
    net.train()
    train_loss = 0
    start = time.clock()
    for inputs, targets in trainloader:
        inputs, targets = Variable(inputs), Variable(targets)
        outputs = net(inputs)
        loss = criterion(outputs, targets)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        train_loss += loss.data[0]
    print("epoch %d loss %.3f (%.1fs)" % (epoch, train_loss, time.clock() - start))


for epoch in range(args.epochs):
    train(epoch)
