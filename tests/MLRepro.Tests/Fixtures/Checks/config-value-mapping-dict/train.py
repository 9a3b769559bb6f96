"""Titanic: encode the features and train LightGBM with the parameters of configs/default.json."""
import json

import lightgbm as lgb
import pandas as pd

from features import encode_cabin_deck, encode_embarked


def encode(df):
    df = encode_cabin_deck(encode_embarked(df))
    sex = df["Sex"]
    df["Sex"] = sex.replace({"male": 0, "female": 1})
    return df


def main():
    cfg = json.load(open("configs/default.json"))
    train = encode(pd.read_csv(cfg["train_path"]))
    features = cfg["features"]
    model = lgb.train(cfg["lgbm_params"], lgb.Dataset(train[features], train["Survived"]), num_boost_round=cfg["num_boost_round"])
    model.save_model("model.txt")


if __name__ == "__main__":
    main()
