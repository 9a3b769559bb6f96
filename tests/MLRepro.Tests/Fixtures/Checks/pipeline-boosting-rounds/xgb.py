import pandas as pd
import xgboost as xgb

params = {"booster": "gbtree", "objective": "rank:pairwise", "eval_metric": "auc", "max_depth": 5, "eta": 0.01, "seed": 0, "nthread": 12}

if __name__ == "__main__":
    train = pd.read_csv("data/dataset1.csv")
    test = pd.read_csv("data/dataset2.csv")
    label = (train.pop("Date").notna()).astype(int)
    columns = ["discount", "coupons", "merchants"]
    dtrain = xgb.DMatrix(train[columns], label=label)
    model = xgb.train(params, dtrain, num_boost_round=3500)
    test["prob"] = model.predict(xgb.DMatrix(test[columns]))
    test[["User_id", "Coupon_id", "prob"]].to_csv("submission.csv", index=False)
