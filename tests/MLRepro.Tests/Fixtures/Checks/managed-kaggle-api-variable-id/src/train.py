import os

import lightgbm as lgb
import pandas as pd
import yaml

from kaggle_utils import ensure_competition_data


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    ensure_competition_data(cfg["competition"], cfg["input_dir"])
    train = pd.read_csv(os.path.join(cfg["input_dir"], "train.csv"))
    features = train.drop(columns=["id", cfg["target"]])
    model = lgb.LGBMRegressor(random_state=cfg["seed"]).fit(features, train[cfg["target"]])
    model.booster_.save_model("model.txt")


if __name__ == "__main__":
    main()
