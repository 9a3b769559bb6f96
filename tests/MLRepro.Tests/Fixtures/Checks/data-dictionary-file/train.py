import pandas as pd
from sklearn.linear_model import LogisticRegression

df = pd.read_csv("data/applications.csv")
y = df.pop("TARGET")
model = LogisticRegression(max_iter=200).fit(df, y)
print(model.score(df, y))
