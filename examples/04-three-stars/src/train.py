"""Stage 2: fit a random forest on the prepared training set."""
import os
import pickle

import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def main():
    with open("params.yaml") as f:
        params = yaml.safe_load(f)
    np.random.seed(params["seed"])
    train = pd.read_csv("data/prepared/train.csv")
    cfg = params["train"]
    model = RandomForestClassifier(
        n_estimators=cfg["n_estimators"],
        max_depth=cfg["max_depth"],
        min_samples_leaf=cfg["min_samples_leaf"],
        random_state=params["seed"],
    )
    model.fit(train[FEATURES], train["species"])
    os.makedirs("models", exist_ok=True)
    with open("models/model.pkl", "wb") as f:
        pickle.dump(model, f)


if __name__ == "__main__":
    main()
