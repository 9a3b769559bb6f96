"""SWA training on CIFAR-10 (PyTorch 0.3 era code; no dependency file pins that stack)."""
import argparse
import os

import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as transforms

import utils

parser = argparse.ArgumentParser(description="SGD/SWA training")
parser.add_argument("--dir", type=str, required=True, help="training directory")
parser.add_argument("--epochs", type=int, default=200)
parser.add_argument("--lr_init", type=float, default=0.1)
parser.add_argument("--wd", type=float, default=1e-4)
args = parser.parse_args()

os.makedirs(args.dir, exist_ok=True)
torch.manual_seed(1)
train_set = torchvision.datasets.CIFAR10("./data", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
model = torchvision.models.resnet18(num_classes=10)
criterion = nn.CrossEntropyLoss()
optimizer = torch.optim.SGD(model.parameters(), lr=args.lr_init, momentum=0.9, weight_decay=args.wd)

for epoch in range(args.epochs):
    res = utils.train_epoch(loader, model, criterion, optimizer)
    print(epoch, res["loss"])
    utils.save_checkpoint(args.dir, epoch + 1, state_dict=model.state_dict())
