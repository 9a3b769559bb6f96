import lightgbm as lgb
import pandas as pd

df = pd.read_csv("features/train.csv")
X = df.drop(columns=["object_id", "target"])
y = df["target"]
params = {"objective": "multiclass", "num_class": 14, "learning_rate": 0.05, "seed": 0, "n_jobs": 32}
model = lgb.train(params, lgb.Dataset(X, y), num_boost_round=500)
model.save_model("model.txt")
