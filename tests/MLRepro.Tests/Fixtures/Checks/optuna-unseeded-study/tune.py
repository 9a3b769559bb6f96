import json

import lightgbm as lgb
import optuna
import pandas as pd
import yaml
from sklearn.model_selection import KFold, cross_val_score


def main():
    params = yaml.safe_load(open("params.yaml"))
    frame = pd.read_csv(params["data"])
    x, y = frame.drop(columns=[params["target"]]), frame[params["target"]]
    folds = KFold(n_splits=params["cv_folds"], shuffle=True, random_state=params["seed"])

    def objective(trial):
        model = lgb.LGBMRegressor(
            num_leaves=trial.suggest_int("num_leaves", 8, 128),
            learning_rate=trial.suggest_float("learning_rate", 1e-3, 0.3, log=True),
            random_state=params["seed"],
        )
        return cross_val_score(model, x, y, cv=folds, scoring="neg_root_mean_squared_error").mean()

    study = optuna.create_study(direction="maximize")
    study.optimize(objective, n_trials=params["n_trials"])
    json.dump(study.best_params, open("best_params.json", "w"))


if __name__ == "__main__":
    main()
