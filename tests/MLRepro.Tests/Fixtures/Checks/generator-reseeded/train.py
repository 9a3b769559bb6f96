"""Shuffles the raw data, then trains a forest with the settings of conf/params.json."""
import json

import pandas as pd
from sklearn.ensemble import RandomForestRegressor

from utils import shuffle_csv_file


def main():
    with open("conf/params.json") as f:
        params = json.load(f)
    shuffle_csv_file("data/raw.csv", "data/shuffled.csv")
    df = pd.read_csv("data/shuffled.csv")
    model = RandomForestRegressor(n_estimators=params["n_estimators"], max_depth=params["max_depth"], random_state=params["random_seed"])
    model.fit(df.drop(columns=["target"]), df["target"])


if __name__ == "__main__":
    main()
