"""Stage 3: score the model on the held-out set and write metrics.json."""
import json
import pickle

import pandas as pd
from sklearn.metrics import accuracy_score, f1_score

FEATURES = ["bill_length_mm", "bill_depth_mm", "flipper_length_mm", "body_mass_g"]


def main():
    test = pd.read_csv("data/prepared/test.csv")
    with open("models/model.pkl", "rb") as f:
        model = pickle.load(f)
    predicted = model.predict(test[FEATURES])
    metrics = {
        "accuracy": round(float(accuracy_score(test["species"], predicted)), 6),
        "f1_macro": round(float(f1_score(test["species"], predicted, average="macro")), 6),
    }
    with open("metrics.json", "w") as f:
        json.dump(metrics, f, indent=2, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
