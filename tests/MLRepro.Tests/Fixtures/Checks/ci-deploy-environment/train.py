import pickle

import pandas as pd
from sklearn.linear_model import LinearRegression

df = pd.read_csv("houses.csv")
model = LinearRegression().fit(df[["rooms", "area"]], df["price"])
with open("model.pkl", "wb") as f:
    pickle.dump(model, f)
