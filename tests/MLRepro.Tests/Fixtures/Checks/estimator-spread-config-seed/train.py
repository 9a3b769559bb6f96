"""Train a random forest whose parameters all come from params.yaml."""
import json

import joblib
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score


def main():
    params = yaml.safe_load(open("params.yaml"))
    train = pd.read_csv(params["data"]["train"])
    test = pd.read_csv(params["data"]["test"])
    model_params = params["model"]
    clf = RandomForestClassifier(**model_params)
    clf.fit(train.drop(columns=["target"]), train["target"])
    acc = accuracy_score(test["target"], clf.predict(test.drop(columns=["target"])))
    joblib.dump(clf, "model.joblib")
    json.dump({"accuracy": acc}, open("metrics.json", "w"))


if __name__ == "__main__":
    main()
