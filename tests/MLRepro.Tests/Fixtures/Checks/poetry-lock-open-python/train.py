import numpy as np

if __name__ == "__main__":
    rng = np.random.default_rng(0)
    print(rng.normal(size=3).sum())
