import mlflow
import mlflow.sklearn
import pandas as pd
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/churn.csv")
X, y = df.drop(columns=["churn"]), df["churn"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=42)

with mlflow.start_run():
    model = LogisticRegression(C=1.0, max_iter=200).fit(X_train, y_train)
    mlflow.log_param("C", 1.0)
    mlflow.log_metric("accuracy", accuracy_score(y_test, model.predict(X_test)))
    mlflow.sklearn.log_model(model, "model")
