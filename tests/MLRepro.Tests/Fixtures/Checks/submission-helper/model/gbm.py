import lightgbm as lgb
import numpy as np
from sklearn.model_selection import StratifiedKFold


class Gbm:
    def __init__(self, params: dict, n_folds: int) -> None:
        self.params = params
        self.n_folds = n_folds
        self.clfs = []

    def fit(self, x, y) -> None:
        folds = StratifiedKFold(n_splits=self.n_folds, shuffle=True, random_state=1)
        for tr, va in folds.split(x, y):
            clf = lgb.LGBMClassifier(**self.params)
            clf.fit(x.iloc[tr], y.iloc[tr], eval_set=[(x.iloc[va], y.iloc[va])])
            self.clfs.append(clf)

    def predict(self, x):
        return np.mean([clf.predict_proba(x) for clf in self.clfs], axis=0)
