import numpy as np
import pandas as pd


def main():
    lc = pd.read_feather("input/train.f")
    period = lc.groupby("object_id")["mjd"].agg(lambda s: np.ptp(s.values)).rename("span").reset_index()
    period.to_feather("features/f002.f")


if __name__ == "__main__":
    main()
