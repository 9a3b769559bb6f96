import os

import pandas as pd
from sklearn.model_selection import train_test_split


def ingest(out_dir="artifacts"):
    df = pd.read_csv(r'notebook\data\scores.csv')
    os.makedirs(out_dir, exist_ok=True)
    train, test = train_test_split(df, test_size=0.2, random_state=42)
    train.to_csv(os.path.join(out_dir, "train.csv"), index=False)
    test.to_csv(os.path.join(out_dir, "test.csv"), index=False)


if __name__ == "__main__":
    ingest()
