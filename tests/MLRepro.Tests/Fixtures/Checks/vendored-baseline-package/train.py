import argparse

import pandas as pd
from sklearn.mixture import GaussianMixture

parser = argparse.ArgumentParser()
parser.add_argument("--train", required=True)
args = parser.parse_args()

df = pd.read_csv(args.train)
gm = GaussianMixture(n_components=3, random_state=0).fit(df[["age", "hours"]])
print(gm.sample(5))
