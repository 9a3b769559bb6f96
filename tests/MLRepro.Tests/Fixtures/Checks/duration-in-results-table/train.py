"""Fits the factor model on the bundled sample."""
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Ridge

if __name__ == "__main__":
    X, y = load_diabetes(return_X_y=True)
    print(Ridge(alpha=1.0).fit(X, y).score(X, y))
