import joblib
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier

if __name__ == "__main__":
    params = yaml.safe_load(open("params.yaml"))
    train = pd.read_csv("data/prepared/train.csv")
    model = RandomForestClassifier(n_estimators=params["train"]["n_estimators"], max_depth=params["train"]["max_depth"],
                                   random_state=params["prepare"]["seed"])
    model.fit(train.drop(columns="churn"), train["churn"])
    joblib.dump(model, params["train"]["model_path"])
