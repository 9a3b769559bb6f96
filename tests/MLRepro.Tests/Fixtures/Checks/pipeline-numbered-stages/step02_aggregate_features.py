import pandas as pd


def main():
    lc = pd.read_feather("input/train.f")
    agg = lc.groupby("object_id")["flux"].agg(["mean", "std", "min", "max"]).reset_index()
    agg.to_feather("features/f001.f")


if __name__ == "__main__":
    main()
