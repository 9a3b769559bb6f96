"""Trains a ResNet on CIFAR-10 (downloaded) or ImageNet."""
import argparse
import os

import torch
from torchvision import datasets, transforms

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="cifar10", choices=["cifar10", "imagenet"])
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()
torch.manual_seed(args.seed)

if args.dataset == "cifar10":
    train_set = datasets.CIFAR10("./data", train=True, download=True, transform=transforms.ToTensor())
elif args.dataset == "imagenet":
    traindir = os.path.join("/home/data/ILSVRC/train")
    train_set = datasets.ImageFolder(traindir, transforms.ToTensor())

loader = torch.utils.data.DataLoader(train_set, batch_size=128, shuffle=True)
print(len(loader))
