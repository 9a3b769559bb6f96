import argparse

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.model_selection import train_test_split


def go(args):
    df = pd.read_csv(args.trainval)
    y = df.pop("price")
    X = pd.get_dummies(df, columns=["room_type"])
    X_train, X_val, y_train, y_val = train_test_split(X, y, test_size=0.2, random_state=args.random_seed)

    ######################################
    # Build a RandomForestRegressor with n_estimators=args.n_estimators and random_state=args.random_seed
    model = # YOUR CODE HERE
    ######################################

    model.fit(X_train, y_train)
    print("validation R2:", model.score(X_val, y_val))
    joblib.dump(model, args.output_model)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train the rental price model")
    parser.add_argument("--trainval", type=str, required=True)
    parser.add_argument("--output_model", type=str, required=True)
    parser.add_argument("--n_estimators", type=int, default=100)
    parser.add_argument("--random_seed", type=int, default=42)
    go(parser.parse_args())
