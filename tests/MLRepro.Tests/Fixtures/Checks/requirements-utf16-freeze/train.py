import argparse

import joblib
import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/train.csv")
    args = parser.parse_args()
    df = pd.read_csv(args.data)
    model = RandomForestClassifier(random_state=0)
    model.fit(df.drop(columns=["target"]).to_numpy(np.float32), df["target"])
    joblib.dump(model, "model.joblib")


if __name__ == "__main__":
    main()
