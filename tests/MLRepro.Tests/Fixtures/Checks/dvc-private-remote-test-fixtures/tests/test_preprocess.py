import pandas as pd

from src.preprocess import preprocess


def test_preprocess_keeps_label():
    df = pd.read_csv("tests/fixtures/weather_sample.csv")
    out = preprocess(df)
    assert set(out["RainTomorrow"]) <= {0, 1}
