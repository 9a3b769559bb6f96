import json

import numpy as np


def main():
    rng = np.random.default_rng(0)
    weights = rng.normal(size=4)
    with open("weights.json", "w") as f:
        json.dump(weights.tolist(), f)


if __name__ == "__main__":
    main()
