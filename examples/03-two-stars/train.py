"""Classifies penguin species; every parameter comes from params.yaml."""
import pickle
import random

import numpy as np
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def main():
    with open("params.yaml") as f:
        params = yaml.safe_load(f)
    seed = params["seed"]
    random.seed(seed)
    np.random.seed(seed)

    df = pd.read_csv(params["data"]["path"])
    X_train, X_test, y_train, y_test = train_test_split(
        df[FEATURES], df["species"], test_size=params["data"]["test_size"], random_state=seed
    )
    model = RandomForestClassifier(
        n_estimators=params["model"]["n_estimators"],
        max_depth=params["model"]["max_depth"],
        random_state=seed,
    )
    model.fit(X_train, y_train)
    print(f"test accuracy: {model.score(X_test, y_test):.4f}")
    with open("model.pkl", "wb") as f:
        pickle.dump(model, f)


if __name__ == "__main__":
    main()
