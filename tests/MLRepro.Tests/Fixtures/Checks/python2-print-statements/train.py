import os

import numpy as np
import pandas as pd
from sklearn.linear_model import LogisticRegression

data_dir = "data"


def load(name):
    path = os.path.join(data_dir, name)
    print "loading", path
    return pd.read_csv(path)


if __name__ == "__main__":
    train = load("train.csv")
    y = train.Happy.values
    x = np.nan_to_num(train[["YOB"]].values.astype(float))
    try:
        model = LogisticRegression(C=1.0, random_state=0)
        model.fit(x, y)
    except ValueError, e:
        print >>open("errors.log", "w"), e
        raise
    print "training accuracy: %.3f" % model.score(x, y)
