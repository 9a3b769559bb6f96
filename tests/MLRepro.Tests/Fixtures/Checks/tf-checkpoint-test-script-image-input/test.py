import argparse

import cv2
import numpy as np
import tensorflow as tf

from net import build_generator

parser = argparse.ArgumentParser()
parser.add_argument("--image", default="", type=str, help="The filename of image to be completed.")
parser.add_argument("--mask", default="", type=str, help="The filename of mask, value 255 indicates mask.")
parser.add_argument("--output", default="output.png", type=str, help="Where to write output.")
parser.add_argument("--checkpoint_dir", default="", type=str, help="The directory of tensorflow checkpoint.")


if __name__ == "__main__":
    args = parser.parse_args()
    image = cv2.imread(args.image).astype(np.float32) / 127.5 - 1.0
    mask = cv2.imread(args.mask).astype(np.float32) / 255.0
    x = tf.constant(np.expand_dims(image * (1.0 - mask), 0))
    output = build_generator(x)
    with tf.Session() as sess:
        assign_ops = []
        for var in tf.get_collection(tf.GraphKeys.GLOBAL_VARIABLES):
            value = tf.train.load_variable(args.checkpoint_dir, var.name)
            assign_ops.append(tf.assign(var, value))
        sess.run(assign_ops)
        result = sess.run(output)
        cv2.imwrite(args.output, ((result[0] + 1.0) * 127.5).astype(np.uint8))
