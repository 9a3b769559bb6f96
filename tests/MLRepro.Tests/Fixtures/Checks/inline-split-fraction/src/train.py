import json

import joblib
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import f1_score
from sklearn.model_selection import train_test_split


def main():
    params = yaml.safe_load(open("params.yaml"))
    frame = pd.read_csv(params["data"]["path"])
    features = frame.drop(columns=[params["data"]["target"]])
    labels = frame[params["data"]["target"]]
    # the held-out fraction is written here, not in params.yaml
    x_train, x_test, y_train, y_test = train_test_split(features, labels, test_size=0.25, random_state=params["model"]["random_state"])
    model = RandomForestClassifier(
        n_estimators=params["model"]["n_estimators"],
        max_depth=params["model"]["max_depth"],
        min_samples_leaf=params["model"]["min_samples_leaf"],
        random_state=params["model"]["random_state"],
    )
    model.fit(x_train, y_train)
    joblib.dump(model, params["output"]["model"])
    with open(params["output"]["metrics"], "w") as out:
        json.dump({"f1": f1_score(y_test, model.predict(x_test))}, out)


if __name__ == "__main__":
    main()
