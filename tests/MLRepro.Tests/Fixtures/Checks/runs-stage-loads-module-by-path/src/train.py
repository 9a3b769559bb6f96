import importlib.util
import os
import sys

import joblib
import pandas as pd


def load_module(path):
    spec = importlib.util.spec_from_file_location("model", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


if __name__ == "__main__":
    data_path, model_path = sys.argv[1], sys.argv[2]
    df = pd.read_csv(data_path)
    X = df.drop(columns=["rain_tomorrow"])
    y = df["rain_tomorrow"]
    model = load_module(model_path).build()
    model.fit(X, y)
    os.makedirs("models", exist_ok=True)
    joblib.dump(model, os.path.join("models", "model.joblib"))
