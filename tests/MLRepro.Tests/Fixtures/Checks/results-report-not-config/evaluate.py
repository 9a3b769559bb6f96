import json

import pandas as pd
import yaml
from catboost import CatBoostClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split


def main():
    cfg = yaml.safe_load(open("config.yaml"))
    df = pd.read_csv(cfg["data_path"])
    scores = {"val": {"acc": [], "f1": []}, "test": {"acc": [], "f1": []}}
    for seed in range(cfg["n_seeds"]):
        train, rest = train_test_split(df, test_size=0.4, random_state=seed)
        val, test = train_test_split(rest, test_size=0.5, random_state=seed)
        model = CatBoostClassifier(depth=cfg["model"]["depth"], learning_rate=cfg["model"]["learning_rate"],
                                   iterations=cfg["model"]["iterations"], random_seed=seed, verbose=False)
        model.fit(train.drop(columns="y"), train["y"])
        for split, part in (("val", val), ("test", test)):
            pred = model.predict(part.drop(columns="y"))
            scores[split]["acc"].append(accuracy_score(part["y"], pred))
            scores[split]["f1"].append(f1_score(part["y"], pred))
    report = {}
    for split, metrics in scores.items():
        report[split] = {}
        for name, values in metrics.items():
            s = pd.Series(values)
            report[split][f"{name}-count"] = float(s.count())
            report[split][f"{name}-mean"] = round(s.mean(), 4)
            report[split][f"{name}-std"] = round(s.std(), 4)
    json.dump(report, open("results/eval_seeds.json", "w"), indent=4)


if __name__ == "__main__":
    main()
