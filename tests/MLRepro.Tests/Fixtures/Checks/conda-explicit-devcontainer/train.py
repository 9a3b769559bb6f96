import pickle

import pandas as pd
from sklearn.linear_model import LinearRegression

df = pd.read_csv("data/points.csv")
model = LinearRegression().fit(df[["x"]], df["y"])
with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
print(model.coef_, model.intercept_)
