import json
import os

import pandas as pd
from sklearn.linear_model import ElasticNet
from sklearn.model_selection import train_test_split


def main():
    frame = pd.read_csv("data/wine.csv")
    train, test = train_test_split(frame, test_size=0.25, random_state=42)
    os.makedirs("artifacts", exist_ok=True)
    train.to_csv("artifacts/train.csv", index=False)
    model = ElasticNet(alpha=0.5, l1_ratio=0.5, random_state=42)
    model.fit(train.drop(columns="quality"), train["quality"])
    score = model.score(test.drop(columns="quality"), test["quality"])
    with open("artifacts/metrics.json", "w") as f:
        json.dump({"r2": score}, f)


if __name__ == "__main__":
    main()
