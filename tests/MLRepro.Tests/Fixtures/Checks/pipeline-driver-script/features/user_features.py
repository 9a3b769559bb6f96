import pandas as pd

if __name__ == "__main__":
    orders = pd.read_csv("data/raw/orders.csv")
    prior = pd.read_csv("data/raw/order_products__prior.csv")
    merged = prior.merge(orders, on="order_id")
    users = merged.groupby("user_id").agg(n_orders=("order_number", "max"), mean_days=("days_since_prior_order", "mean"))
    users.to_csv("data/processed/user_features.csv")
