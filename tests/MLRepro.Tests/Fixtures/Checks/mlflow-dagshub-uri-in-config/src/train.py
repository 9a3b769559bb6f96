import json
import pickle

import mlflow
import pandas as pd
import yaml
from sklearn.linear_model import ElasticNet
from sklearn.model_selection import train_test_split

config = yaml.safe_load(open("config.yaml"))
mlflow.set_tracking_uri(config["mlflow_tracking_uri"])
mlflow.set_experiment("wine-quality")

data = pd.read_csv("data/winequality.csv")
train, test = train_test_split(data, test_size=0.25, random_state=42)

with mlflow.start_run():
    model = ElasticNet(alpha=config["alpha"], random_state=42)
    model.fit(train.drop(columns="quality"), train["quality"])
    score = model.score(test.drop(columns="quality"), test["quality"])
    mlflow.log_param("alpha", config["alpha"])
    mlflow.log_metric("r2", score)

with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
with open("metrics.json", "w") as f:
    json.dump({"r2": score}, f)
