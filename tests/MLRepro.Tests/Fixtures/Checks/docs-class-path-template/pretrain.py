import argparse

import torch
from torchvision import datasets, transforms

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="cifar10", choices=["cifar10", "folder"])
parser.add_argument("--data_folder", default="./datasets")
parser.add_argument("--epochs", type=int, default=100)
opt = parser.parse_args()

tf = transforms.ToTensor()
if opt.dataset == "cifar10":
    train = datasets.CIFAR10(root=opt.data_folder, transform=tf, download=True)
else:
    train = datasets.ImageFolder(root=opt.data_folder, transform=tf)
loader = torch.utils.data.DataLoader(train, batch_size=256, shuffle=True)
for epoch in range(opt.epochs):
    for x, y in loader:
        pass
