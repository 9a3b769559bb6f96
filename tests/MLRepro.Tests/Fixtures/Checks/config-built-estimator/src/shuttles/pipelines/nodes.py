"""Kedro nodes: split the model input table and fit the configured regressors."""
import importlib
from typing import Any, Dict

import pandas as pd
from sklearn.model_selection import train_test_split


def split_data(data: pd.DataFrame, split_options: Dict[str, Any]):
    target = split_options["target"]
    X = data.drop(columns=[target])
    y = data[target]
    return train_test_split(X, y, test_size=split_options["test_size"], random_state=split_options["random_state"])


def train_model(X_train: pd.DataFrame, y_train: pd.Series, model_options: Dict[str, Any]):
    model_module = model_options.get("module")
    model_type = model_options.get("class")
    model_arguments = model_options.get("kwargs")
    regressor_class = getattr(importlib.import_module(model_module), model_type)
    regressor = regressor_class(**model_arguments)
    regressor.fit(X_train, y_train)
    return regressor
