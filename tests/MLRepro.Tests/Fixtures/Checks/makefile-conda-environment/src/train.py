import pandas as pd
from sklearn.linear_model import LinearRegression

df = pd.read_csv("data/shuttles.csv")
model = LinearRegression().fit(df[["engines", "capacity"]], df["price"])
print("r2", model.score(df[["engines", "capacity"]], df["price"]))
