"""Predict survival for new passengers with the trained model."""
import sys

import lightgbm as lgb
import pandas as pd

from features import encode_cabin_deck


def main(path):
    df = pd.read_csv(path)
    df["Embarked"] = df["Embarked"].fillna("S")
    port = df["Embarked"]
    df["Embarked"] = port.map({"S": 0, "C": 1, "Q": 2})
    df = encode_cabin_deck(df)
    model = lgb.Booster(model_file="model.txt")
    print(model.predict(df[["Pclass", "Sex", "Age", "Fare", "Embarked"]]))


if __name__ == "__main__":
    main(sys.argv[1])
