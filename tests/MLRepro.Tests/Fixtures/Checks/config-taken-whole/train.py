import argparse
import json
import os

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

from validate import check_columns


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--conf", default="config.json", help="path to the configuration file")
    args = parser.parse_args()
    with open(args.conf) as f:
        config = json.load(f)

    schema = config["columns"]
    frame = pd.read_csv(config["data"]["path"])
    check_columns(frame, schema)

    settings = config["train"]
    clf = RandomForestClassifier(n_estimators=settings["n_estimators"], max_depth=settings["max_depth"], random_state=settings["random_state"])
    X = frame[list(schema)]
    y = frame[config["data"]["target"]]
    clf.fit(X, y)
    joblib.dump(clf, "model.joblib")
    os.makedirs("training", exist_ok=True)
    with open("training/metrics.json", "w") as f:
        json.dump({"accuracy": clf.score(X, y)}, f)


if __name__ == "__main__":
    main()
