import argparse

import numpy as np
from tqdm import tqdm


def main(epochs: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    w = rng.normal(size=3)
    for _ in tqdm(range(epochs)):
        w -= 0.1 * w
    print(w)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=10)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    main(args.epochs, args.seed)
