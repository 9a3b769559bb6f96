# The data set used in this example is from http://archive.ics.uci.edu/ml/datasets/Wine+Quality
# P. Cortez, A. Cerdeira, F. Almeida, T. Matos and J. Reis.
import os
import sys

import pandas as pd
from sklearn.linear_model import ElasticNet
from sklearn.model_selection import train_test_split

if __name__ == "__main__":
    wine_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "wine-quality.csv")
    data = pd.read_csv(wine_path)
    train, test = train_test_split(data, random_state=42)
    alpha = float(sys.argv[1]) if len(sys.argv) > 1 else 0.5
    model = ElasticNet(alpha=alpha, random_state=42)
    model.fit(train.drop(["quality"], axis=1), train[["quality"]])
