import pandas as pd
from sklearn.ensemble import RandomForestRegressor

df = pd.read_csv("data/day.csv")
y = df.pop("cnt")
model = RandomForestRegressor(n_estimators=50, random_state=0).fit(df, y)
print(model.score(df, y))
