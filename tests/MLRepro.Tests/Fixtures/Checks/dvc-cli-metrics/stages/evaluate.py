import json
import pickle
import sys

import pandas as pd
import yaml
from sklearn.metrics import mean_absolute_error

if __name__ == "__main__":
    cfg = yaml.safe_load(open(sys.argv[1]))["evaluate"]
    df = pd.read_csv(cfg["data"])
    with open(cfg["model"], "rb") as f:
        model = pickle.load(f)
    scores = {"mae": mean_absolute_error(df["y"], model.predict(df[["x"]]))}
    print("test scores:", scores)
    with open(cfg["metrics"], "w") as f:
        f.write(json.dumps(scores))
