"""Gradient-boosted model for monthly sales; the seeds are set once at the top."""
import random

import numpy as np
import pandas as pd
import xgboost as xgb

SEED = 2020
random.seed(SEED)
np.random.seed(SEED)

params = {"max_depth": 8, "eta": 0.1, "subsample": 0.8, "seed": SEED}


def main():
    train = pd.read_csv("data/train.csv")
    dtrain = xgb.DMatrix(train.drop(columns=["target"]), label=train["target"])
    booster = xgb.train(params, dtrain, num_boost_round=300)
    booster.save_model("model.json")


if __name__ == "__main__":
    main()
