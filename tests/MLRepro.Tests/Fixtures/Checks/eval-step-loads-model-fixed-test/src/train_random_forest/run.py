import argparse

import pandas as pd
import wandb
from sklearn.ensemble import RandomForestRegressor
from sklearn.metrics import mean_absolute_error


def go(args):
    run = wandb.init(job_type="train_random_forest")
    df = pd.read_csv(run.use_artifact(args.trainval_artifact).file())
    y = df.pop("price")
    model = RandomForestRegressor(n_estimators=100, random_state=args.random_seed)
    model.fit(df.iloc[:-1000], y.iloc[:-1000])
    y_pred = model.predict(df.iloc[-1000:])
    run.summary["mae"] = mean_absolute_error(y.iloc[-1000:], y_pred)
    # YOUR CODE HERE: export the fitted model with mlflow and upload it as the artifact args.output_artifact


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Train a random forest")
    parser.add_argument("--trainval_artifact", type=str, required=True)
    parser.add_argument("--random_seed", type=int, default=42)
    parser.add_argument("--output_artifact", type=str, required=True)
    go(parser.parse_args())
