import pandas as pd
import xgboost as xgb

labels = pd.read_csv("../input/ItemPairs_train.csv")["isDuplicate"]
X_train = pd.read_csv("features_tokens_train.csv")
X_test = pd.read_csv("features_tokens_test.csv")

params = {"objective": "binary:logistic", "eta": 0.05, "max_depth": 8, "subsample": 0.8, "nthread": 12, "seed": 1}
model = xgb.train(params, xgb.DMatrix(X_train, label=labels), num_boost_round=2500)
pd.DataFrame({"id": range(len(X_test)), "probability": model.predict(xgb.DMatrix(X_test))}).to_csv("submission.csv", index=False)
