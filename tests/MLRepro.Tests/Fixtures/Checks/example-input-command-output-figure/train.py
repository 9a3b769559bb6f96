import argparse

import matplotlib.pyplot as plt
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import RocCurveDisplay
from sklearn.model_selection import train_test_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/customers.csv")
    parser.add_argument("--output", default="figures/roc.png")
    args = parser.parse_args()
    df = pd.read_csv("data/customers.csv")
    y = df.pop("churned")
    X_train, X_test, y_train, y_test = train_test_split(df, y, test_size=0.25, random_state=0)
    model = LogisticRegression(max_iter=1000).fit(X_train, y_train)
    RocCurveDisplay.from_estimator(model, X_test, y_test)
    plt.savefig(args.output)


if __name__ == "__main__":
    main()
