import pandas as pd

meta = pd.read_csv("input/training_set_metadata.csv")
lc = pd.read_csv("input/training_set.csv")
agg = lc.groupby("object_id")["flux"].agg(["mean", "std", "max", "min"])
agg.columns = ["flux_" + c for c in agg.columns]
meta.merge(agg, on="object_id").to_csv("features/train.csv", index=False)
