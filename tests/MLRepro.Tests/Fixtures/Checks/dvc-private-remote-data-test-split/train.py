import sys

import pandas as pd
from sklearn.ensemble import RandomForestClassifier


def load(path):
    df = pd.read_csv(path).dropna()
    return df.drop(columns=["RainTomorrow"]), df["RainTomorrow"]


def main(path="data/weather.csv", test_path="data/test/weather_test.csv"):
    X, y = load(path)
    model = RandomForestClassifier(n_estimators=100, random_state=0).fit(X, y)
    X_test, y_test = load(test_path)
    print(f"test accuracy: {model.score(X_test, y_test):.3f}")
    return model


if __name__ == "__main__":
    main(*sys.argv[1:])
