import pandas as pd
from catboost import CatBoostClassifier

df = pd.read_csv("data/customers.csv")
model = CatBoostClassifier(iterations=2000, depth=8, task_type="GPU", devices="0", random_seed=7)
model.fit(df.drop(columns=["churn"]), df["churn"], cat_features=["plan"])
model.save_model("model.cbm")
