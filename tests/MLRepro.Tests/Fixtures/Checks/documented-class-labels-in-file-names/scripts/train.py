import argparse

import torch

from diffusion.image_datasets import load_data


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", required=True)
    parser.add_argument("--image_size", type=int, default=64)
    parser.add_argument("--batch_size", type=int, default=16)
    parser.add_argument("--class_cond", type=lambda s: s == "True", default=False)
    parser.add_argument("--steps", type=int, default=1000)
    args = parser.parse_args()
    torch.manual_seed(0)
    data = load_data(args.data_dir, args.batch_size, args.image_size, args.class_cond)
    for step in range(args.steps):
        batch, cond = next(data)
        print(step, batch.shape, sorted(cond))


if __name__ == "__main__":
    main()
