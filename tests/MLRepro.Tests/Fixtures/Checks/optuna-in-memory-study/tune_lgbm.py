"""Tune LightGBM with Optuna on 5-fold CV AUC."""
import lightgbm as lgb
import optuna
import pandas as pd
from sklearn.model_selection import cross_val_score

df = pd.read_csv("data/train.csv")
X, y = df.drop(columns=["target"]), df["target"]


def objective(trial):
    params = {
        "num_leaves": trial.suggest_int("num_leaves", 8, 256),
        "learning_rate": trial.suggest_float("learning_rate", 1e-3, 0.3, log=True),
        "min_child_samples": trial.suggest_int("min_child_samples", 5, 100),
        "random_state": 0,
    }
    auc = cross_val_score(lgb.LGBMClassifier(**params), X, y, cv=5, scoring="roc_auc").mean()
    print(f"trial {trial.number}: auc={auc:.5f}")
    return auc


study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=0))
study.optimize(objective, n_trials=100)
print("best AUC", study.best_value)
print("best params", study.best_params)
