import argparse

import numpy as np
import torch
from PIL import Image

import tinyclip


def main():
    parser = argparse.ArgumentParser(description="Embed an image with the released TinyCLIP weights.")
    parser.add_argument("--image", default="examples/cat.png")
    args = parser.parse_args()
    model = tinyclip.load()
    pixels = np.asarray(Image.open(args.image).convert("RGB").resize((32, 32)), dtype=np.float32) / 255.0
    with torch.no_grad():
        print(model(torch.from_numpy(pixels).permute(2, 0, 1)[None]).numpy())


if __name__ == "__main__":
    main()
