"""Evaluates the model of a training run, loaded from MLflow by its run id."""
import argparse
import json

import mlflow
import mlflow.sklearn
from sklearn.datasets import load_iris

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--run-id", required=True)
    args = parser.parse_args()
    run = mlflow.get_run(args.run_id)
    model = mlflow.sklearn.load_model(f"{run.info.artifact_uri}/model")
    x, y = load_iris(return_X_y=True)
    print(json.dumps({"run_id": args.run_id, "accuracy": model.score(x, y)}))
