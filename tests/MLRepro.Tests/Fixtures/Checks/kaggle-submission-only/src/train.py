import argparse
from datetime import datetime
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score

import config


def run(fold, seed):
    df = pd.read_csv(config.TRAIN)
    test = pd.read_csv(config.TEST)
    train, valid = df[df.kfold != fold], df[df.kfold == fold]
    features = [c for c in df.columns if c not in ("id", "kfold", config.TARGET)]
    model = RandomForestClassifier(n_estimators=300, random_state=seed)
    model.fit(train[features], train[config.TARGET])
    auc = roc_auc_score(valid[config.TARGET], model.predict_proba(valid[features])[:, 1])
    print(f"fold {fold}: AUC = {auc:.4f}")
    return auc, model.predict_proba(test[features])[:, 1]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()
    scores, preds = zip(*(run(f, args.seed) for f in range(5)))
    df_sub = pd.read_csv(config.SAMPLE)
    df_sub[config.TARGET] = np.mean(preds, axis=0)
    out = Path(config.OUTPUTS) / f"{datetime.now():%y%m%d.%H%M}-rf-{np.mean(scores):.4f}.csv"
    out.parent.mkdir(exist_ok=True)
    df_sub.to_csv(out, index=False)
