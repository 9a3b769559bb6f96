import argparse
import os

import numpy as np


def train(num_epochs, lr):
    frames = []
    losses = []
    points = np.loadtxt("static/points.tsv", delimiter="\t", skiprows=1)
    w = points.mean(axis=0)
    for epoch in range(num_epochs):
        w = w - lr * (w - 1.0)
        losses.append(float(((w - 1.0) ** 2).sum()))
        frames.append(w.copy())
    return np.stack(frames), np.array(losses)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--experiment_name", type=str, default="base")
    parser.add_argument("--num_epochs", type=int, default=20)
    parser.add_argument("--learning_rate", type=float, default=1e-2)
    config = parser.parse_args()

    frames, losses = train(config.num_epochs, config.learning_rate)

    outdir = f"exps/{config.experiment_name}"
    os.makedirs(outdir, exist_ok=True)
    np.save(f"{outdir}/loss.npy", losses)
    np.save(f"{outdir}/frames.npy", frames)
