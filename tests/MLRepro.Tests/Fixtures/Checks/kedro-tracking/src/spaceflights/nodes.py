import logging

import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.metrics import r2_score


def train_model(x: pd.DataFrame, y: pd.Series) -> LinearRegression:
    return LinearRegression().fit(x, y)


def evaluate_model(regressor: LinearRegression, x: pd.DataFrame, y: pd.Series) -> dict:
    score = r2_score(y, regressor.predict(x))
    logging.getLogger(__name__).info("Model has a coefficient R^2 of %.3f on test data.", score)
    return {"r2_score": score}
