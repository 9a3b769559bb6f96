import lightgbm as lgb
import numpy as np
import pandas as pd
import xgboost as xgb

train = pd.read_csv("data/train.csv")
features = [c for c in train.columns if c.startswith("feature_")]


def get_lgb_model():
    return lgb.LGBMRegressor(**{
        "learning_rate": 0.01,
        "n_estimators": 120,
        "feature_fraction": 0.9,
        # "device": "cpu",
        "device": "gpu",
        "gpu_platform_id": 0,
        "gpu_device_id": 0,
    })


def get_xgb_model():
    return xgb.XGBRegressor(n_estimators=200, max_depth=6, tree_method="gpu_hist", random_state=0)


preds = []
for model in [get_lgb_model(), get_xgb_model()]:
    model.fit(train[features], train["target"])
    preds.append(model.predict(train[features]))
np.save("oof.npy", np.mean(preds, axis=0))
