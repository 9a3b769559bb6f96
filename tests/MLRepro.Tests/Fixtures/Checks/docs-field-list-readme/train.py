import pandas as pd
from sklearn.linear_model import LogisticRegression

orders = pd.read_csv("data/raw/orders.csv")
items = pd.read_csv("data/raw/order_products.csv")
df = items.merge(orders, on="order_id")
X = df[["order_dow", "order_hour_of_day", "days_since_prior", "add_to_cart_order"]].fillna(0)
y = df["reordered"]
model = LogisticRegression(max_iter=200).fit(X, y)
