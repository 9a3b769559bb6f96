import pandas as pd

if __name__ == "__main__":
    prior = pd.read_csv("data/raw/order_products__prior.csv")
    products = prior.groupby("product_id").agg(n_bought=("order_id", "count"), reorder_rate=("reordered", "mean"))
    products.to_csv("data/processed/product_features.csv")
