import argparse
import logging

import mlflow.sklearn
import pandas as pd
import wandb
from sklearn.metrics import mean_absolute_error

logging.basicConfig(level=logging.INFO)
logger = logging.getLogger()


def go(args):
    run = wandb.init(job_type="test_model")
    model_local_path = run.use_artifact(args.mlflow_model).download()
    X_test = pd.read_csv(run.use_artifact(args.test_dataset).file())
    y_test = X_test.pop("price")
    logger.info("Loading model and performing inference on test set")
    sk_pipe = mlflow.sklearn.load_model(model_local_path)
    y_pred = sk_pipe.predict(X_test)
    mae = mean_absolute_error(y_test, y_pred)
    run.summary["mae"] = mae
    logger.info(f"MAE: {mae}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Test the provided model against the test dataset")
    parser.add_argument("--mlflow_model", type=str, required=True)
    parser.add_argument("--test_dataset", type=str, required=True)
    go(parser.parse_args())
