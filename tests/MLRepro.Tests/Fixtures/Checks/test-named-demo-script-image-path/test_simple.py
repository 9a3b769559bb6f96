import argparse
import os

import matplotlib.pyplot as plt
import numpy as np
import torch
from PIL import Image
from torchvision import transforms

from networks import DepthNet


def parse_args():
    parser = argparse.ArgumentParser(description="Simple testing function for the depth model.")
    parser.add_argument("--image_path", type=str, required=True, help="path to a test image or folder of images")
    parser.add_argument("--model_name", type=str, default="mono_640x192", help="name of a pretrained model to use")
    parser.add_argument("--ext", type=str, default="jpg", help="image extension to search for in folder")
    return parser.parse_args()


def test_simple(args):
    model = DepthNet()
    model.load_state_dict(torch.load(os.path.join("models", args.model_name + ".pth"), map_location="cpu"))
    model.eval()
    image = Image.open(args.image_path).convert("RGB")
    with torch.no_grad():
        depth = model(transforms.ToTensor()(image)[None])[0, 0].numpy()
    out = os.path.splitext(args.image_path)[0] + "_depth"
    np.save(out + ".npy", depth)
    plt.imsave(out + ".jpeg", depth, cmap="magma")


if __name__ == "__main__":
    test_simple(parse_args())
