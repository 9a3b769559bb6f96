import sys

import pandas as pd


def preprocess(df: pd.DataFrame) -> pd.DataFrame:
    df = df.dropna(subset=["RainTomorrow"])
    df["RainTomorrow"] = (df["RainTomorrow"] == "Yes").astype(int)
    return df[["MinTemp", "MaxTemp", "Humidity3pm", "Pressure3pm", "RainTomorrow"]].fillna(0)


if __name__ == "__main__":
    source, target = sys.argv[1], sys.argv[2]
    preprocess(pd.read_csv(source)).to_csv(target, index=False)
