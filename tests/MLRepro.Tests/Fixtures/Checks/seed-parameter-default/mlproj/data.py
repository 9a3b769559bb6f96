"""Dataset splitting."""
import pandas as pd
from sklearn.model_selection import train_test_split


def stratify_split(df: pd.DataFrame, stratify: str, test_size: float,
                   shuffle: bool = True,
                   seed: int = 1234):
    """Split a dataframe into train and test parts, stratified on one column."""

    def _add_split(part: pd.DataFrame) -> pd.DataFrame:
        train, test = train_test_split(part, test_size=test_size, shuffle=shuffle, random_state=seed)
        train["_split"] = "train"
        test["_split"] = "test"
        return pd.concat([train, test])

    return _add_split(df)
