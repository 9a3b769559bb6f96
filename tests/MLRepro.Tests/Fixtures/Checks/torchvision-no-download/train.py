"""Train ResNet-18 on CIFAR-10 with mixup."""
import argparse

import torch
import torchvision.transforms as transforms
from torchvision import datasets

parser = argparse.ArgumentParser(description="CIFAR10 training with mixup")
parser.add_argument("--lr", default=0.1, type=float, help="learning rate")
parser.add_argument("--seed", default=0, type=int, help="random seed")
args = parser.parse_args()
torch.manual_seed(args.seed)

transform_train = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.ToTensor()])
trainset = datasets.CIFAR10(root="~/data", train=True, download=False,
                            transform=transform_train)
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=8)
testset = datasets.CIFAR10(root="~/data", train=False, download=False,
                           transform=transforms.ToTensor())
