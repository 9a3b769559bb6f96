import os

import pandas as pd

import config


def load_feature(feature_id: str) -> pd.DataFrame:
    return pd.read_feather(os.path.join(config.FEATURE_DIR, feature_id + ".f"))


def save_submit_file(pred: pd.DataFrame, filename: str) -> None:
    path = os.path.join(config.SUBMIT_DIR, filename)
    os.makedirs(config.SUBMIT_DIR, exist_ok=True)
    pred.to_csv(path, index=False)
