import joblib
import mlflow
from sklearn.datasets import load_iris
from sklearn.tree import DecisionTreeClassifier

X, y = load_iris(return_X_y=True)
with mlflow.start_run():
    clf = DecisionTreeClassifier(max_depth=3).fit(X[:, 2:3], y)
    mlflow.log_metric("accuracy", clf.score(X[:, 2:3], y))
joblib.dump(clf, "model.joblib")
