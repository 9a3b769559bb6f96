import lightgbm as lgb
import pandas as pd


def main():
    meta = pd.read_feather("input/meta.f")
    x = meta.merge(pd.read_feather("features/f001.f"), on="object_id").merge(pd.read_feather("features/f002.f"), on="object_id")
    y = x.pop("target")
    model = lgb.LGBMClassifier(n_estimators=500, learning_rate=0.05, random_state=0)
    model.fit(x.drop(columns=["object_id"]), y)
    model.booster_.save_model("output/model.txt")


if __name__ == "__main__":
    main()
