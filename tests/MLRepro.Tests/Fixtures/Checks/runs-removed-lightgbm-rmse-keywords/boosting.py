import lightgbm as lgb
import numpy as np
from sklearn.metrics import mean_squared_error
from sklearn.model_selection import KFold


def kfold_lgb(X, y, params, n_splits=5, seed=42):
    oof = np.zeros(len(X))
    folds = KFold(n_splits=n_splits, shuffle=True, random_state=seed)
    for trn_idx, val_idx in folds.split(X):
        trn = lgb.Dataset(X.iloc[trn_idx], label=y.iloc[trn_idx])
        val = lgb.Dataset(X.iloc[val_idx], label=y.iloc[val_idx])
        booster = lgb.train(
            params,
            trn,
            num_boost_round=1000,
            valid_sets=[trn, val],
            early_stopping_rounds=100,
            verbose_eval=100,
        )
        oof[val_idx] = booster.predict(X.iloc[val_idx], num_iteration=booster.best_iteration)
    return oof, mean_squared_error(y, oof, squared=False)
