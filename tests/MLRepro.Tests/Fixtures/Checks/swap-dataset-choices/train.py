import argparse

import torch
from torch.utils import data

from segdata import PascalSegmentation, StreetScenes


def get_argparser():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_root", type=str, default="./datasets/data", help="path to the dataset")
    parser.add_argument("--dataset", type=str, default="pascal",
                        choices=["pascal", "streets"], help="name of the dataset")
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--epochs", type=int, default=30)
    return parser


def get_dataset(opts):
    if opts.dataset == "pascal":
        train_dst = PascalSegmentation(root=opts.data_root, image_set="train")
        val_dst = PascalSegmentation(root=opts.data_root, image_set="val")
    else:
        train_dst = StreetScenes(root=opts.data_root, split="train")
        val_dst = StreetScenes(root=opts.data_root, split="val")
    return train_dst, val_dst


def main():
    opts = get_argparser().parse_args()
    train_dst, val_dst = get_dataset(opts)
    train_loader = data.DataLoader(train_dst, batch_size=opts.batch_size, shuffle=True)
    for epoch in range(opts.epochs):
        for images, labels in train_loader:
            pass
    torch.save({}, "checkpoint.pth")


if __name__ == "__main__":
    main()
