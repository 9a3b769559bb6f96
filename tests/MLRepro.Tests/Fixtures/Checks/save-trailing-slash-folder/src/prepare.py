import os

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split

params = yaml.safe_load(open("params.yaml"))["prepare"]
target_dir = "data/processed/"
os.makedirs(target_dir, exist_ok=True)

data = pd.read_csv("data/raw/iris.csv")
train, test = train_test_split(data, test_size=params["test_size"], random_state=42)
train.to_csv(f"{target_dir}/train.csv", index=False)
test.to_csv(f"{target_dir}/test.csv", index=False)
