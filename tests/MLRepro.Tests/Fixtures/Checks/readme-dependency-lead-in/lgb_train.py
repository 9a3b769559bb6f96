import lightgbm as lgb
import numpy as np
import pandas as pd
from sklearn.model_selection import KFold

train = pd.read_csv("input/train.csv")
y = train.pop("target").values
folds = KFold(n_splits=5, shuffle=True, random_state=7)
preds = np.zeros(len(train))
for tr, va in folds.split(train):
    model = lgb.train({"objective": "binary", "learning_rate": 0.1}, lgb.Dataset(train.iloc[tr], y[tr]), 200)
    preds[va] = model.predict(train.iloc[va])
pd.DataFrame({"pred": preds}).to_csv("lgb_oof.csv", index=False)
