import pandas as pd
import yaml
from sklearn.ensemble import RandomForestRegressor

params = yaml.safe_load(open("params.yaml"))
df = pd.read_parquet(params["data"]["path"])
cols = params["columns"]
model = RandomForestRegressor(**params["model"])
model.fit(df[cols["features"]], df[cols["target"]])
