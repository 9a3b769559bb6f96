import argparse

import numpy as np
import pandas as pd
import xgboost as xgb

parser = argparse.ArgumentParser()
parser.add_argument("--eta", type=float, default=0.01)
parser.add_argument("--max_depth", type=int, default=7)
args = parser.parse_args()

datadir = "/mnt/property-inspection"
train = pd.read_csv(f"{datadir}/train.csv", index_col=0)
test = pd.read_csv(f"{datadir}/test.csv", index_col=0)
y = train.pop("Hazard").values
X_train = np.array(pd.get_dummies(train), dtype=float)
X_test = np.array(pd.get_dummies(test), dtype=float)

params = {"objective": "reg:squarederror", "eta": args.eta, "max_depth": args.max_depth}
split = 5000
dtrain = xgb.DMatrix(X_train[split:], label=y[split:])
dvalid = xgb.DMatrix(X_train[:split], label=y[:split])
model = xgb.train(params, dtrain, 2000, [(dtrain, "train"), (dvalid, "val")], early_stopping_rounds=100)

# Generate predictions for the test set and save them to disk.
y_test_pred = model.predict(xgb.DMatrix(X_test))
(pd.DataFrame({"Id": test.index, "Hazard": y_test_pred})
 .set_index("Id")
 .to_csv("predictions.csv"))
