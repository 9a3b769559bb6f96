import pandas as pd

from boosting import kfold_lgb

PARAMS = {"objective": "regression", "learning_rate": 0.05, "num_leaves": 15, "seed": 42}

if __name__ == "__main__":
    df = pd.read_csv("data/houses.csv")
    X = df.drop(columns=["price"])
    y = df["price"]
    _, rmse = kfold_lgb(X, y, PARAMS, n_splits=4)
    print(f"out-of-fold RMSE: {rmse:.1f}")
