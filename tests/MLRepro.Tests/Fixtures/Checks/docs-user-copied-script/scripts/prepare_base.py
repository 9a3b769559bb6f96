import argparse
import os

import numpy as np
from sklearn.datasets import load_iris


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--destination_path", default="data/base")
    args = parser.parse_args()
    os.makedirs(args.destination_path, exist_ok=True)
    iris = load_iris()
    np.save(os.path.join(args.destination_path, "x.npy"), iris.data)
    np.save(os.path.join(args.destination_path, "y.npy"), iris.target)


if __name__ == "__main__":
    main()
