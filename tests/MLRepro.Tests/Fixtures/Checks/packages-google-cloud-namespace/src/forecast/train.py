"""Trains the weekly sales model on the BigQuery feature table and uploads the model to Cloud Storage."""
import argparse

import joblib
import pandas as pd
from google.cloud import bigquery, storage
from sklearn.ensemble import HistGradientBoostingRegressor

FEATURES = ["store", "dept", "week", "holiday", "lag_1", "lag_52"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--table", default="sales.features")
    parser.add_argument("--bucket", default="sales-models")
    args = parser.parse_args()
    frame: pd.DataFrame = bigquery.Client().query(f"SELECT * FROM `{args.table}`").to_dataframe()
    model = HistGradientBoostingRegressor(max_iter=300, random_state=0).fit(frame[FEATURES], frame["sales"])
    joblib.dump(model, "model.joblib")
    storage.Client().bucket(args.bucket).blob("model.joblib").upload_from_filename("model.joblib")


if __name__ == "__main__":
    main()
