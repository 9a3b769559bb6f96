import json

import pandas as pd
from sklearn.linear_model import LogisticRegression

df = pd.read_csv("data/train.csv")
X, y = df.drop(columns=["label"]), df["label"]
model = LogisticRegression(max_iter=200).fit(X, y)
with open("metrics.json", "w") as f:
    json.dump({"accuracy": model.score(X, y)}, f)
