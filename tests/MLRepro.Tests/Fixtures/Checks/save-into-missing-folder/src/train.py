import argparse

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression


def train(params_path: str) -> None:
    params = yaml.safe_load(open(params_path))
    df = pd.read_csv(params["data"]["path_to_train"])
    clf = LogisticRegression(C=params["train"]["C"])
    clf.fit(df[["x"]].values, df["y"].values)
    path_to_model = params["train"]["path_to_model"]
    joblib.dump(clf, path_to_model)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--params", default="params.yaml")
    args = parser.parse_args()
    train(args.params)
