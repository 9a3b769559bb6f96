import pickle

import dagshub
import mlflow
import pandas as pd
from sklearn.linear_model import ElasticNet

dagshub.init(repo_owner="alice", repo_name="wine-quality", mlflow=True)

data = pd.read_csv("data/winequality.csv")
with mlflow.start_run():
    model = ElasticNet(alpha=0.5, random_state=42)
    model.fit(data.drop(columns="quality"), data["quality"])
    mlflow.log_metric("r2", model.score(data.drop(columns="quality"), data["quality"]))

with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
