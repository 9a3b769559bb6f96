import sys

import pandas as pd
from sklearn.model_selection import train_test_split

if __name__ == "__main__":
    df = pd.read_csv(sys.argv[1])
    train, test = train_test_split(df, test_size=0.2, shuffle=True)
    train.to_csv("data/train.csv", index=False)
    test.to_csv("data/test.csv", index=False)
