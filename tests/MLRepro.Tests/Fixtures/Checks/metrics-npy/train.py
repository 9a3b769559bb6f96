import argparse
import os

import numpy as np


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--window", type=int, default=24)
    args = parser.parse_args()
    series = np.sin(np.arange(500) / 10.0)
    X = np.stack([series[i:i + args.window] for i in range(len(series) - args.window)])
    y = series[args.window:]
    w, *_ = np.linalg.lstsq(X, y, rcond=None)
    pred = X @ w
    mae = np.abs(pred - y).mean()
    mse = ((pred - y) ** 2).mean()
    folder = "./results/window_{}/".format(args.window)
    os.makedirs(folder, exist_ok=True)
    np.save(folder + "metrics.npy", np.array([mae, mse]))
    np.save(folder + "pred.npy", pred)


if __name__ == "__main__":
    main()
