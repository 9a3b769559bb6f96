import argparse

import numpy as np
from sklearn.linear_model import SGDClassifier


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--alpha", type=float, default=0.0001)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    np.random.seed(args.seed)
    X = np.random.rand(20, 3)
    y = (X[:, 0] > 0.5).astype(int)
    SGDClassifier(alpha=args.alpha, random_state=args.seed).fit(X, y)


if __name__ == "__main__":
    main()
