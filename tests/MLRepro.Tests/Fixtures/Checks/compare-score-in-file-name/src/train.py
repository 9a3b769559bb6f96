import argparse
from datetime import datetime
from pathlib import Path

import lightgbm as lgb
import pandas as pd
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

OUTPUTS = "output"

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="lgbm")
parser.add_argument("--folds", type=int, default=5)
args = parser.parse_args()

train = pd.read_csv("input/train.csv")
test = pd.read_csv("input/test.csv")
features = [c for c in train.columns if c not in ("id", "target")]

oof = pd.Series(0.0, index=train.index)
test_pred = 0.0
skf = StratifiedKFold(n_splits=args.folds, shuffle=True, random_state=0)
for fold, (tr, va) in enumerate(skf.split(train, train["target"])):
    model = lgb.LGBMClassifier(n_estimators=300, learning_rate=0.05)
    model.fit(train.loc[tr, features], train.loc[tr, "target"])
    oof[va] = model.predict_proba(train.loc[va, features])[:, 1]
    print(f"fold {fold} auc: {roc_auc_score(train.loc[va, 'target'], oof[va]):.5f}")
    test_pred += model.predict_proba(test[features])[:, 1] / args.folds

valid_auc = roc_auc_score(train["target"], oof)
print(f"mean validation auc: {valid_auc:.5f}")

dt = datetime.now().strftime("%y%m%d.%H%M")
submission_file = Path(OUTPUTS) / f"{dt}-{args.model}-{valid_auc:.5f}.csv"
pd.DataFrame({"id": test["id"], "target": test_pred}).to_csv(submission_file, index=False)
