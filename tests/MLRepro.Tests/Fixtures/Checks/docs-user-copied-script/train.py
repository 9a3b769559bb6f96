import argparse
import os

import numpy as np
from sklearn.linear_model import LogisticRegression


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_dir", default="data/base")
    args = parser.parse_args()
    x = np.load(os.path.join(args.data_dir, "x.npy"))
    y = np.load(os.path.join(args.data_dir, "y.npy"))
    clf = LogisticRegression(max_iter=200).fit(x, y)
    print("accuracy", clf.score(x, y))


if __name__ == "__main__":
    main()
