import logging
import os

import numpy as np
from sklearn.datasets import load_breast_cancer
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import StratifiedKFold

LOGDIR = "output"


def setup_logger(logdir: str) -> logging.Logger:
    os.makedirs(logdir, exist_ok=True)
    logger = logging.getLogger(logdir)
    logger.setLevel(logging.DEBUG)
    handler = logging.FileHandler(os.path.join(logdir, "train.txt"))
    logger.addHandler(handler)
    return logger


def main() -> None:
    logger = setup_logger(LOGDIR)
    x, y = load_breast_cancer(return_X_y=True)
    oof = np.zeros(len(y))
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=0)
    for n_fold, (tr, va) in enumerate(folds.split(x, y)):
        model = RandomForestClassifier(n_estimators=100, random_state=0).fit(x[tr], y[tr])
        oof[va] = model.predict_proba(x[va])[:, 1]
        logger.info("Fold {} auc: {}".format(n_fold + 1, roc_auc_score(y[va], oof[va])))
    logger.info("*** full auc: {}".format(roc_auc_score(y, oof)))


if __name__ == "__main__":
    main()
