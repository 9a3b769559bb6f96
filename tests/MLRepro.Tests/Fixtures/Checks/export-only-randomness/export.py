import argparse

import tensorflow as tf
import torch

from models.keras_port import build_keras
from models.net import Net

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="net.pt")
    opt = parser.parse_args()
    net = Net()
    net.load_state_dict(torch.load(opt.weights))
    model = build_keras(net)
    tf.lite.TFLiteConverter.from_keras_model(model).convert()
