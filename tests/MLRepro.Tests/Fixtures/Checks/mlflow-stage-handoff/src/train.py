"""Trains a classifier and logs the model, its parameters and metrics to an MLflow run; prints the run id."""
import argparse

import mlflow
import mlflow.sklearn
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--C", type=float, default=1.0)
    args = parser.parse_args()
    x, y = load_iris(return_X_y=True)
    x_train, x_val, y_train, y_val = train_test_split(x, y, test_size=0.2, random_state=0)
    with mlflow.start_run() as run:
        model = LogisticRegression(C=args.C, max_iter=200).fit(x_train, y_train)
        mlflow.log_param("C", args.C)
        mlflow.log_metric("val_accuracy", model.score(x_val, y_val))
        mlflow.sklearn.log_model(model, "model")
        print(run.info.run_id)
