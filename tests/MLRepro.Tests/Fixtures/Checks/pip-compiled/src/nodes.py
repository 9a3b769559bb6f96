"""Kedro nodes: split the data and fit a regressor."""
import numpy as np
import pandas as pd
from sklearn.linear_model import LinearRegression
from sklearn.model_selection import train_test_split


def split_data(data: pd.DataFrame, test_size: float, random_state: int):
    x = data[["engines", "passenger_capacity"]]
    return train_test_split(x, data["price"], test_size=test_size, random_state=random_state)


def train_model(x_train: pd.DataFrame, y_train: pd.Series) -> LinearRegression:
    return LinearRegression().fit(np.asarray(x_train), y_train)
