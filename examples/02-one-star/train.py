"""Classifies penguin species from body measurements."""
import pickle

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def main():
    df = pd.read_csv("data/penguins.csv")
    X_train, X_test, y_train, y_test = train_test_split(
        df[FEATURES], df["species"], test_size=0.25, random_state=42
    )
    model = RandomForestClassifier(n_estimators=100, max_depth=5, random_state=42)
    model.fit(X_train, y_train)
    print(f"test accuracy: {model.score(X_test, y_test):.4f}")
    with open("model.pkl", "wb") as f:
        pickle.dump(model, f)


if __name__ == "__main__":
    main()
