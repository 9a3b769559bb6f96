import pandas as pd
from sklearn.linear_model import LogisticRegression

df = pd.read_csv("data/churn.csv")
X, y = df.drop(columns=["Exited"]), df["Exited"]
model = LogisticRegression(max_iter=200).fit(X, y)
print(model.score(X, y))
pd.DataFrame({"feature": X.columns, "importance": model.coef_[0]}).to_csv("feat_imp.csv", index=False)
