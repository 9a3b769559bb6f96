"""Trains the readmission classifier from a processed CSV."""
import argparse

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input", required=True, help="Path to the processed CSV")
    parser.add_argument("--model_out", required=True, help="Where to save the model")
    args = parser.parse_args()
    df = pd.read_csv(args.input)
    x, y = df.drop(columns=["readmitted"]), df["readmitted"]
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=42)
    model = RandomForestClassifier(n_estimators=300, max_depth=12, random_state=42)
    model.fit(x_train, y_train)
    print("accuracy", model.score(x_test, y_test))
    joblib.dump(model, args.model_out)


if __name__ == "__main__":
    main()
