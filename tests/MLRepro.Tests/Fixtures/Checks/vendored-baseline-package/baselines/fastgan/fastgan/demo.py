import pandas as pd

DEMO_URL = "http://fastgan-data.example-bucket.s3.amazonaws.com/census.csv.gz"


def load_demo():
    return pd.read_csv(DEMO_URL, compression="gzip")
