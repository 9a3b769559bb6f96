import sys

import joblib
import pandas as pd
from sklearn.metrics import roc_auc_score


def load_split(path):
    return pd.read_csv(path)


def main(model_path, data_path):
    df = load_split(data_path)
    model = joblib.load(model_path)
    scores = model.predict_proba(df.drop(columns=["churned"]))[:, 1]
    print("auc", roc_auc_score(df["churned"], scores))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
