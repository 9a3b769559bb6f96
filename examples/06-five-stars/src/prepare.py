"""Stage 1: split the raw measurements into train and test sets."""
import os

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split


def main():
    with open("params.yaml") as f:
        params = yaml.safe_load(f)
    df = pd.read_csv(params["prepare"]["input"])
    df = df.dropna()
    train, test = train_test_split(
        df, test_size=params["prepare"]["test_size"], random_state=params["seed"], stratify=df["species"]
    )
    os.makedirs("data/prepared", exist_ok=True)
    train.to_csv("data/prepared/train.csv", index=False)
    test.to_csv("data/prepared/test.csv", index=False)


if __name__ == "__main__":
    main()
