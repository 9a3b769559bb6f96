import pandas as pd

if __name__ == "__main__":
    offline = pd.read_csv("data/ccf_offline_stage1_train.csv")
    offline["discount"] = offline["Discount_rate"].astype(str).str.contains(":").astype(int)
    user = offline.groupby("User_id").agg(coupons=("Coupon_id", "count"), merchants=("Merchant_id", "nunique")).reset_index()
    features = offline.merge(user, on="User_id", how="left")
    features[features["Date_received"] < 20160501].to_csv("data/dataset1.csv", index=False)
    features[features["Date_received"] >= 20160501].to_csv("data/dataset2.csv", index=False)
