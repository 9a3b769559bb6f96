import pandas as pd
import xgboost as xgb
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/houses.csv")
X, y = df.drop(columns=["price"]), df["price"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
model = xgb.XGBRegressor(n_estimators=50, max_depth=3).fit(X_train, y_train)
print("r2", model.score(X_test, y_test))
