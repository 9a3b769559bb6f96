import argparse

import torch
from torchvision import datasets, transforms

from data import TinyShapes


def main(args):
    transform = transforms.ToTensor()
    if args.dataset == "mnist":
        train_dataset = datasets.MNIST(args.data_folder, train=True, download=True, transform=transform)
    elif args.dataset == "cifar10":
        train_dataset = datasets.CIFAR10(args.data_folder, train=True, download=True, transform=transform)
    elif args.dataset == "tinyshapes":
        train_dataset = TinyShapes(args.data_folder, train=True)
    loader = torch.utils.data.DataLoader(train_dataset, batch_size=args.batch_size, shuffle=True)
    for _ in range(args.epochs):
        for batch in loader:
            pass


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", type=str, help="name of the dataset (mnist, cifar10, tinyshapes)")
    parser.add_argument("--data_folder", type=str, default="./data")
    parser.add_argument("--batch_size", type=int, default=32)
    parser.add_argument("--epochs", type=int, default=10)
    main(parser.parse_args())
