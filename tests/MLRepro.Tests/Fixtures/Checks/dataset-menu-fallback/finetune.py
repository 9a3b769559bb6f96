import argparse
import os

import pandas as pd
from datasets import Dataset, load_dataset


def load_data(name):
    if name == "alpaca":
        return load_dataset("tatsu-lab/alpaca")
    elif name == "dolly":
        return load_dataset("databricks/databricks-dolly-15k")
    elif name == "oasst":
        return load_dataset("timdettmers/openassistant-guanaco")
    if not os.path.exists(name):
        raise ValueError(f"unknown dataset {name}")
    return Dataset.from_pandas(pd.read_csv(name))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset", default="alpaca", help="a named dataset or the path of a CSV with input/output columns")
    args = parser.parse_args()
    data = load_data(args.dataset)
    print(data)
