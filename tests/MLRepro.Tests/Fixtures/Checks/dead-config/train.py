import json

import numpy as np
import yaml
from sklearn.datasets import load_iris
from sklearn.linear_model import LogisticRegression

params = yaml.safe_load(open("params.yaml"))
np.random.seed(params["seed"])
X, y = load_iris(return_X_y=True)
clf = LogisticRegression(C=params["model"]["C"]).fit(X, y)
with open("metrics.json", "w") as f:
    json.dump({"accuracy": clf.score(X, y)}, f)
