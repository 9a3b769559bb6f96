import numpy as np


def run(steps=1000, eps=0.1, seed=0):
    rng = np.random.default_rng(seed)
    means = rng.normal(size=10)
    counts, values = np.zeros(10), np.zeros(10)
    for _ in range(steps):
        arm = rng.integers(10) if rng.random() < eps else int(np.argmax(values))
        reward = rng.normal(means[arm])
        counts[arm] += 1
        values[arm] += (reward - values[arm]) / counts[arm]
    return values


if __name__ == "__main__":
    print(run())
