import pandas as pd

from fastgan.demo import load_demo


def test_demo_has_columns():
    df = pd.read_csv("examples/census_head.csv")
    assert list(load_demo().columns)[:2] == list(df.columns)[:2]
