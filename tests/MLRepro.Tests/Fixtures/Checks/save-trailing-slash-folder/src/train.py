import json
import pickle

import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier

params = yaml.safe_load(open("params.yaml"))["train"]
train = pd.read_csv("data/processed/train.csv")
test = pd.read_csv("data/processed/test.csv")
model = RandomForestClassifier(n_estimators=params["n_estimators"], random_state=42)
model.fit(train.drop(columns="species"), train["species"])
with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
with open("metrics.json", "w") as f:
    json.dump({"accuracy": model.score(test.drop(columns="species"), test["species"])}, f)
