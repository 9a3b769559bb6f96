"""Segment one image with released weights: python scripts/segment.py --image photo.jpg --model-type small --checkpoint small.pt"""
import argparse

import numpy as np
import torch
from PIL import Image

from segmenter import model_registry

parser = argparse.ArgumentParser()
parser.add_argument("--image", required=True, help="image to segment")
parser.add_argument("--model-type", default="small", choices=sorted(model_registry))
parser.add_argument("--checkpoint", required=True, help="weights file")
parser.add_argument("--output", default="mask.png")


def main(args):
    model = model_registry[args.model_type](checkpoint=args.checkpoint)
    model.eval()
    x = torch.from_numpy(np.asarray(Image.open(args.image).convert("RGB"), dtype=np.float32) / 255).permute(2, 0, 1)[None]
    with torch.no_grad():
        mask = model(x)[0, 0].numpy() > 0.5
    Image.fromarray((mask * 255).astype(np.uint8)).save(args.output)


if __name__ == "__main__":
    main(parser.parse_args())
