import joblib
import pandas as pd
import yaml
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

if __name__ == "__main__":
    params = yaml.safe_load(open("params.yaml"))
    seed = params["base"]["random_state"]
    df = pd.read_csv("data/churn.csv")
    X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=["exited"]), df["exited"], test_size=params["train"]["test_size"], random_state=seed)
    clf = RandomForestClassifier(n_estimators=params["train"]["n_estimators"], random_state=seed).fit(X_train, y_train)
    joblib.dump(clf, "model.joblib")
