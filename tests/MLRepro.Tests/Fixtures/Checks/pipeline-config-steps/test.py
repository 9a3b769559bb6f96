import argparse

import cv2
import numpy as np
import tensorflow as tf

from model import InpaintModel

parser = argparse.ArgumentParser()
parser.add_argument("--image", required=True, help="image to fill")
parser.add_argument("--mask", required=True, help="white pixels are filled")
parser.add_argument("--output", default="output.png")
parser.add_argument("--checkpoint_dir", default="logs/places_gated_conv")

if __name__ == "__main__":
    args = parser.parse_args()
    model = InpaintModel()
    tf.train.Checkpoint(model=model).restore(tf.train.latest_checkpoint(args.checkpoint_dir)).expect_partial()
    image = cv2.imread(args.image).astype(np.float32)
    mask = cv2.imread(args.mask).astype(np.float32)
    result = model.complete(image[None], mask[None])
    cv2.imwrite(args.output, result[0].numpy().astype(np.uint8))
