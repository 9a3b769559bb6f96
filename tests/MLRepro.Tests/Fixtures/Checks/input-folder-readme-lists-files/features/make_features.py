"""Builds the order features from the competition files."""
import pandas as pd

orders = pd.read_csv("../input/orders.csv")
products = pd.read_csv("../input/products.csv")
features = orders.merge(products, on="product_id").groupby("user_id").size()
features.to_csv("../features.csv")
