import argparse

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--data", default="data/adult")
parser.add_argument("--steps", type=int, default=1000)
args = parser.parse_args()

X = np.load(f"{args.data}/X_num_train.npy")
y = np.load(f"{args.data}/y_train.npy")
print(X.shape, y.shape)
