# Deep Q-learning on the same grid world, with a small MLP instead of the table (see deep/README.md).
import numpy as np


def features(state, size=4):
    onehot = np.zeros(size * size)
    onehot[state[0] * size + state[1]] = 1.0
    return onehot


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    weights = rng.normal(scale=0.1, size=(16, 4))
    print(features((0, 0)) @ weights)
