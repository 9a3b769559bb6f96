import pandas as pd
from sklearn.linear_model import LogisticRegression

df = pd.read_csv("data/loans.csv")
X = df[["age", "annual income", "loan amount", "credit score"]]
model = LogisticRegression(max_iter=500).fit(X, df["default"])
print(model.score(X, df["default"]))
