"""Train a small random forest on data/train.csv with the parameters in params.yaml."""
import json
import pickle

import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler

with open("params.yaml") as f:
    params = yaml.safe_load(f)

df = pd.read_csv("data/train.csv")
X, y = df.drop(columns=["label"]).values, df["label"].values
X_train, X_test, y_train, y_test = train_test_split(
    X, y, test_size=params["split"]["test_size"], random_state=params["seed"])

model = make_pipeline(
    StandardScaler(),
    RandomForestClassifier(n_estimators=params["model"]["n_estimators"],
                           max_depth=params["model"]["max_depth"],
                           random_state=params["seed"]))
model.fit(X_train, y_train)
proba = model.predict_proba(X_test)[:, 1]

with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
with open("metrics.json", "w") as f:
    json.dump({"accuracy": float(model.score(X_test, y_test)),
               "mean_proba": float(proba.mean())}, f, indent=2)
print("accuracy", model.score(X_test, y_test))
