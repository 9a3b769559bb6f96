import pickle
import sys

import pandas as pd
import yaml
from sklearn.linear_model import Ridge

if __name__ == "__main__":
    cfg = yaml.safe_load(open(sys.argv[1]))["train"]
    df = pd.read_csv(cfg["data"])
    model = Ridge(alpha=cfg["alpha"]).fit(df[["x"]], df["y"])
    with open(cfg["model"], "wb") as f:
        pickle.dump(model, f)
