import numpy as np


def epsilon_greedy(values, eps, rng):
    if rng.random() < eps:
        return int(rng.integers(len(values)))
    return int(np.argmax(values))
