"""Same pipeline as the seeded project, but nothing is seeded: every run trains a different forest."""
import json
import pickle

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/train.csv")
X, y = df.drop(columns=["label"]).values, df["label"].values
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25)

model = RandomForestClassifier(n_estimators=15, max_depth=3, max_features=2)
model.fit(X_train, y_train)

with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
with open("metrics.json", "w") as f:
    json.dump({"accuracy": float(model.score(X_test, y_test)),
               "mean_proba": float(model.predict_proba(X_test)[:, 1].mean())}, f, indent=2)
