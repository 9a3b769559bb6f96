import json
from pathlib import Path

import pandas as pd
from sklearn.metrics import average_precision_score

PROJECT_ROOT = Path(__file__).resolve().parents[1]
METRICS_PATH = (
    PROJECT_ROOT
    / "artifacts"
    / "metrics"
    / "svm_validation.json"
)


def main():
    frame = pd.read_csv(PROJECT_ROOT / "data" / "train.csv")
    model = make_model()
    model.fit(frame.drop(columns="y"), frame["y"])
    output = {"average_precision": average_precision_score(frame["y"], model.predict(frame.drop(columns="y")))}
    METRICS_PATH.parent.mkdir(parents=True, exist_ok=True)
    with METRICS_PATH.open(
        "w",
        encoding="utf-8",
    ) as file:
        json.dump(output, file, indent=2)


if __name__ == "__main__":
    main()
