import argparse

import joblib
import pandas as pd
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()
    df = pd.read_csv("data/reviews.csv")
    model = make_pipeline(TfidfVectorizer(), LogisticRegression(max_iter=100 * args.epochs))
    model.fit(df["text"], df["label"])
    print("train accuracy", model.score(df["text"], df["label"]))
    joblib.dump(model, "classifier.joblib")


if __name__ == "__main__":
    main()
