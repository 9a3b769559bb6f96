import argparse

import torch

from dataset import loader


def main():
    parser = argparse.ArgumentParser(description="Train a small VAE on face images")
    parser.add_argument("--data-root", required=True, help="folder holding train/ and val/")
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    torch.manual_seed(1265)
    for epoch in range(args.epochs):
        for images, _ in loader(args.data_root, args.batch_size):
            pass
        print(f"epoch {epoch} done")


if __name__ == "__main__":
    main()
