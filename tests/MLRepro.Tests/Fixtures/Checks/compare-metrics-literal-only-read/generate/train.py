import pandas as pd
from sklearn.ensemble import GradientBoostingRegressor

train = pd.read_csv("train.csv")
model = GradientBoostingRegressor()
model.fit(train.drop(columns="Hazard"), train["Hazard"])
test = pd.read_csv("test.csv")
pd.DataFrame({"Hazard": model.predict(test)}).to_csv("submission_a.csv", index=False)
