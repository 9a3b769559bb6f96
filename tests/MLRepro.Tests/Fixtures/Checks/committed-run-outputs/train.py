import argparse
import os

import numpy as np
import pandas as pd
from sklearn.linear_model import Ridge
from sklearn.model_selection import KFold


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train", required=True, help="the competition's train.csv")
    parser.add_argument("--test", required=True, help="the competition's test.csv")
    args = parser.parse_args()
    train = pd.read_csv(args.train)
    test = pd.read_csv(args.test)
    y = np.log1p(train.pop("loss"))
    preds = np.zeros(len(test))
    scores = []
    for fold, (tr, va) in enumerate(KFold(5, shuffle=True, random_state=42).split(train)):
        model = Ridge(alpha=1.0).fit(train.iloc[tr], y.iloc[tr])
        scores.append(float(np.mean(np.abs(model.predict(train.iloc[va]) - y.iloc[va]))))
        fold_pred = model.predict(test)
        pd.DataFrame({"id": test["id"], "loss": np.expm1(fold_pred)}).to_csv(os.path.join("preds", f"fold_{fold}.csv"), index=False)
        preds += fold_pred / 5
    pd.DataFrame({"fold": range(5), "mae": scores}).to_csv("results/cv_scores.csv", index=False)
    pd.DataFrame({"id": test["id"], "loss": np.expm1(preds)}).to_csv("submission.csv", index=False)


if __name__ == "__main__":
    main()
