import argparse

import torch
from torchvision import datasets, transforms


def parse_option():
    parser = argparse.ArgumentParser("contrastive pre-training")
    parser.add_argument("--dataset", type=str, default="cifar10", choices=["cifar10", "cifar100", "path"], help="dataset")
    parser.add_argument("--data_folder", type=str, default="./datasets/", help="path to the dataset")
    parser.add_argument("--batch_size", type=int, default=256)
    return parser.parse_args()


def set_loader(opt):
    transform = transforms.Compose([transforms.RandomResizedCrop(32), transforms.ToTensor()])
    if opt.dataset == "cifar10":
        train_dataset = datasets.CIFAR10(root=opt.data_folder, transform=transform, download=True)
    elif opt.dataset == "cifar100":
        train_dataset = datasets.CIFAR100(root=opt.data_folder, transform=transform, download=True)
    elif opt.dataset == "path":
        train_dataset = datasets.ImageFolder(root=opt.data_folder, transform=transform)
    else:
        raise ValueError(opt.dataset)
    return torch.utils.data.DataLoader(train_dataset, batch_size=opt.batch_size, shuffle=True)


if __name__ == "__main__":
    opt = parse_option()
    loader = set_loader(opt)
    for images, labels in loader:
        pass
