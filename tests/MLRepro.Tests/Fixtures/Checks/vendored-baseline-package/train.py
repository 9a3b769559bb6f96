import pandas as pd
from sklearn.mixture import GaussianMixture

df = pd.read_csv("data/adult_sample.csv")
gm = GaussianMixture(n_components=3, random_state=0).fit(df[["age", "hours"]])
print(gm.sample(5))
