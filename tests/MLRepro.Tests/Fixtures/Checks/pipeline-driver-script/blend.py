import pandas as pd

if __name__ == "__main__":
    lgbm = pd.read_csv("predictions/lgbm.csv")
    nn = pd.read_csv("predictions/nn.csv")
    blend = lgbm.merge(nn, on=["user_id", "product_id"], suffixes=("_lgbm", "_nn"))
    blend["pred"] = 0.7 * blend["pred_lgbm"] + 0.3 * blend["pred_nn"]
    blend[blend["pred"] > 0.2].groupby("order_id" if "order_id" in blend else "user_id")["product_id"].apply(list).to_csv("sub.csv")
