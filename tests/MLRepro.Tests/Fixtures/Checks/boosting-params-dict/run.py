import argparse
import json

import lightgbm as lgb
import pandas as pd


def train(config):
    train_df = pd.read_feather(config["dataset"]["train"])
    features = config["features"]
    train_set = lgb.Dataset(train_df[features], label=train_df["is_attributed"])
    booster = lgb.train(config["model"]["model_params"], train_set,
                        num_boost_round=config["model"]["num_boost_round"])
    booster.save_model("model.txt")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="./configs/lightgbm_0.json")
    options = parser.parse_args()
    train(json.load(open(options.config)))
