import numpy as np
import pandas as pd
import xgboost as xgb
from sklearn.model_selection import KFold

train = pd.read_csv("data/train.csv")
test = pd.read_csv("data/test.csv")
features = [c for c in train.columns if c not in ("UserID", "Happy")]
dtest = xgb.DMatrix(test[features])

models, scores = [], []
for tr, va in KFold(n_splits=5, shuffle=True, random_state=42).split(train):
    dtr = xgb.DMatrix(train.iloc[tr][features], label=train.iloc[tr]["Happy"])
    dva = xgb.DMatrix(train.iloc[va][features], label=train.iloc[va]["Happy"])
    bst = xgb.train({"objective": "binary:logistic", "eta": 0.05}, dtr, 500, evals=[(dva, "valid")], early_stopping_rounds=50)
    models.append(bst)
    scores.append(bst.best_score)

pred = models[0].predict(dtest)
for m in models[1:]:
    pred = pred + m.predict(dtest)
pred = pred / len(models)

out_df = pd.DataFrame({"UserID": test["UserID"], "Probability1": pred})
out_df.to_csv("xgb_cv5_%.5f.csv" % np.mean(scores), index=False)
