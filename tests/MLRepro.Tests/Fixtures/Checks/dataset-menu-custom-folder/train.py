import argparse

import torch
from torchvision import datasets, transforms


def parse_option():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, default="cifar10", choices=["cifar10", "cifar100", "path"])
    parser.add_argument("--data_folder", type=str, default=None, help="path to custom dataset")
    parser.add_argument("--epochs", type=int, default=10)
    opt = parser.parse_args()
    if opt.data_folder is None:
        opt.data_folder = "./datasets/"
    return opt


def set_loader(opt):
    tf = transforms.ToTensor()
    if opt.dataset == "cifar10":
        train_dataset = datasets.CIFAR10(root=opt.data_folder, transform=tf, download=True)
    elif opt.dataset == "cifar100":
        train_dataset = datasets.CIFAR100(root=opt.data_folder, transform=tf, download=True)
    elif opt.dataset == "path":
        train_dataset = datasets.ImageFolder(root=opt.data_folder, transform=tf)
    else:
        raise ValueError(opt.dataset)
    return torch.utils.data.DataLoader(train_dataset, batch_size=64, shuffle=True)


if __name__ == "__main__":
    opt = parse_option()
    loader = set_loader(opt)
    for images, labels in loader:
        pass
