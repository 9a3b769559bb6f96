"""Train a gradient-boosting classifier with parameters written in the script."""
import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier


def main():
    df = pd.read_csv("data/train.csv")
    gb_params = {"n_estimators": 300, "learning_rate": 0.05, "subsample": 0.8}
    clf = GradientBoostingClassifier(**gb_params)
    clf.fit(df.drop(columns=["target"]), df["target"])
    joblib.dump(clf, "model.joblib")


if __name__ == "__main__":
    main()
