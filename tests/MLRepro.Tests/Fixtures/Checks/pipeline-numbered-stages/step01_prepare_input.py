import pandas as pd


def main():
    train = pd.read_csv("input/training_set.csv")
    train.to_feather("input/train.f")
    meta = pd.read_csv("input/training_set_metadata.csv")
    meta.to_feather("input/meta.f")


if __name__ == "__main__":
    main()
