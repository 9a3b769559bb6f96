import numpy as np
import pandas as pd
from sklearn.neural_network import MLPClassifier

if __name__ == "__main__":
    users = pd.read_csv("../data/processed/user_features.csv")
    products = pd.read_csv("../data/processed/product_features.csv")
    train = pd.read_csv("../data/processed/train_pairs.csv").merge(users, on="user_id").merge(products, on="product_id")
    features = [c for c in train.columns if c not in ("reordered", "user_id", "product_id")]
    net = MLPClassifier(hidden_layer_sizes=(256, 128), max_iter=50, random_state=0).fit(np.nan_to_num(train[features]), train["reordered"])
    train["pred"] = net.predict_proba(np.nan_to_num(train[features]))[:, 1]
    train[["user_id", "product_id", "pred"]].to_csv("../predictions/nn.csv", index=False)
