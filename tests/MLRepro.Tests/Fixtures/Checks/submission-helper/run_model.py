import pandas as pd

import config
from common import load_feature, save_submit_file
from model.gbm import Gbm

if __name__ == "__main__":
    train = load_feature("train")
    test = load_feature("test")
    y = train.pop("target")
    model = Gbm({"n_estimators": 500, "learning_rate": 0.05, "random_state": 1}, config.N_FOLDS)
    model.fit(train.drop(columns=["object_id"]), y)
    proba = model.predict(test.drop(columns=["object_id"]))
    pred = pd.DataFrame(proba, columns=[f"class_{c}" for c in range(proba.shape[1])])
    pred.insert(0, "object_id", test["object_id"].values)
    save_submit_file(pred, "experiment01.csv")
