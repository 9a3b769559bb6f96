"""Trains a classifier and prints its accuracy."""
import joblib
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

if __name__ == "__main__":
    X, y = load_iris(return_X_y=True)
    model = LogisticRegression(max_iter=200).fit(X, y)
    print("accuracy", model.score(X, y))
    joblib.dump(model, "model.joblib")
