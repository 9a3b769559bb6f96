"""Fits a gradient-boosting model; imports are deferred to main() to keep --help fast."""
import argparse


def main():
    import lightgbm as lgb
    import numpy as np

    parser = argparse.ArgumentParser()
    parser.add_argument("--num-leaves", type=int, default=31)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    x, y = rng.random((200, 5)), rng.integers(0, 2, 200)
    booster = lgb.train({"num_leaves": args.num_leaves, "objective": "binary", "seed": 0}, lgb.Dataset(x, y))
    booster.save_model("model.txt")


if __name__ == "__main__":
    main()
