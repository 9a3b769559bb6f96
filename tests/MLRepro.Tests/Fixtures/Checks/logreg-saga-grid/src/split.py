import argparse

import pandas as pd
import yaml
from sklearn.model_selection import train_test_split


def main(config_path):
    cfg = yaml.safe_load(open(config_path))
    df = pd.read_csv("data/raw/passengers.csv")
    train, test = train_test_split(df, test_size=cfg["split"]["test_size"], random_state=cfg["base"]["random_state"])
    train.to_csv(cfg["split"]["train_path"], index=False)
    test.to_csv(cfg["split"]["test_path"], index=False)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    main(parser.parse_args().config)
