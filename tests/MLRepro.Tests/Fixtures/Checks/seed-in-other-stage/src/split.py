import sys
from pathlib import Path

import pandas as pd
from sklearn.model_selection import train_test_split


def split(input_csv, output_folder, test_size=0.25):
    df = pd.read_csv(input_csv)
    train, val = train_test_split(df, test_size=test_size, stratify=df["label"])
    Path(output_folder).mkdir(parents=True, exist_ok=True)
    train.to_csv(Path(output_folder) / "train.csv", index=False)
    val.to_csv(Path(output_folder) / "val.csv", index=False)


if __name__ == "__main__":
    split(sys.argv[1], sys.argv[2])
