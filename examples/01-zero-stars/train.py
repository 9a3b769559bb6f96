"""Trains a churn classifier. Works on the author's laptop."""
import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

df = pd.read_csv("/home/alice/Downloads/customers_2021_final.csv")
X = df.drop(columns=["churned"])
y = df["churned"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2)

model = RandomForestClassifier(n_estimators=300, max_depth=12)
model.fit(X_train, y_train)
print("accuracy", model.score(X_test, y_test))
