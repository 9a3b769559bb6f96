import numpy as np


def make_series(length=5000, periods=(24, 168)):
    t = np.arange(length)
    series = sum(np.sin(2 * np.pi * t / p) for p in periods)
    return series + 0.1 * np.random.randn(length)


if __name__ == "__main__":
    np.save("data/synthetic.npy", make_series())
