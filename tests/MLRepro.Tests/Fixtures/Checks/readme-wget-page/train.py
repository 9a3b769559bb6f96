import pandas as pd
from sklearn.ensemble import RandomForestClassifier

df = pd.read_csv("data/external/cards.csv")
model = RandomForestClassifier(n_estimators=100, random_state=0).fit(df.drop(columns=["suit"]), df["suit"])
print(model.score(df.drop(columns=["suit"]), df["suit"]))
