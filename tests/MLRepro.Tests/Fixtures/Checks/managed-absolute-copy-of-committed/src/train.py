"""Trains a gradient-boosted classifier on the committed HR data."""
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier

df = pd.read_csv(r"D:\Projects\attrition\data\hr-attrition.csv")
model = GradientBoostingClassifier(random_state=0)
model.fit(df[["age", "income"]], df["attrition"])
print(model.score(df[["age", "income"]], df["attrition"]))
