"""Runs scikit-learn baselines on a small tabular dataset and prints their accuracy."""
from sklearn.datasets import load_digits
from sklearn.ensemble import RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import train_test_split


def run():
    x, y = load_digits(return_X_y=True)
    x_train, x_test, y_train, y_test = train_test_split(x, y, test_size=0.2, random_state=0)
    for clf in (LogisticRegression(max_iter=500), RandomForestClassifier(n_estimators=50, random_state=0)):
        clf.fit(x_train, y_train)
        print(type(clf).__name__, clf.score(x_test, y_test))


if __name__ == "__main__":
    run()
