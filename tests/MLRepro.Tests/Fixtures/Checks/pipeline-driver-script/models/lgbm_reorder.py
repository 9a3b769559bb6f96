import lightgbm as lgb
import pandas as pd

if __name__ == "__main__":
    users = pd.read_csv("../data/processed/user_features.csv")
    products = pd.read_csv("../data/processed/product_features.csv")
    train = pd.read_csv("../data/processed/train_pairs.csv").merge(users, on="user_id").merge(products, on="product_id")
    features = [c for c in train.columns if c not in ("reordered", "user_id", "product_id")]
    booster = lgb.train({"objective": "binary", "learning_rate": 0.02, "num_leaves": 255}, lgb.Dataset(train[features], train["reordered"]), num_boost_round=3000)
    train["pred"] = booster.predict(train[features])
    train[["user_id", "product_id", "pred"]].to_csv("../predictions/lgbm.csv", index=False)
