import argparse

import joblib
import pandas as pd
import yaml
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV


def main(config_path):
    cfg = yaml.safe_load(open(config_path))
    train = pd.read_csv(cfg["split"]["train_path"])
    X, y = train.drop(columns=["label"]), train["label"]
    # The solver (and so whether random_state matters) comes from the grid in params.yaml.
    search = GridSearchCV(LogisticRegression(), param_grid=cfg["train"]["grid"], cv=cfg["train"]["folds"], scoring="f1")
    search.fit(X, y)
    print(search.best_score_)
    joblib.dump(search.best_estimator_, cfg["train"]["model_path"])


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    main(parser.parse_args().config)
