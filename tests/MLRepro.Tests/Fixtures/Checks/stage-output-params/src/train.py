import pickle

import pandas as pd
import yaml
from sklearn.linear_model import SGDClassifier

LOG_PARAMS_PATH = "logs/params.yml"

if __name__ == "__main__":
    with open("params.yaml") as f:
        params = yaml.safe_load(f)["train"]
    df = pd.read_csv("data/train.csv")
    clf = SGDClassifier(max_iter=params["epochs"], eta0=params["learning_rate"], learning_rate="constant", random_state=0)
    for start in range(0, len(df), params["batch_size"]):
        batch = df.iloc[start:start + params["batch_size"]]
        clf.partial_fit(batch[["x"]], batch["y"], classes=[0, 1])
    with open(LOG_PARAMS_PATH, "w") as f:
        yaml.safe_dump(clf.get_params(), f)
    with open("model.pkl", "wb") as f:
        pickle.dump(clf, f)
