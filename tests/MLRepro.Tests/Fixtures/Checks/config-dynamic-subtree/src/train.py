import pickle
import sys
import tomllib

import pandas as pd
from sklearn.ensemble import RandomForestRegressor
from sklearn.linear_model import Ridge
from sklearn.model_selection import GridSearchCV, train_test_split

MODELS = {"random_forest": RandomForestRegressor, "ridge": Ridge}


def load_config():
    with open("config.toml", "rb") as f:
        return tomllib.load(f)


def train(model_name):
    config = load_config()
    df = pd.read_csv(config["data"]["path"])
    X, y = df.drop(columns=[config["data"]["target"]]), df[config["data"]["target"]]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=config["split"]["test_size"], random_state=config["split"]["random_state"])
    hyperparams = config[model_name]["hyperparams"]
    search = GridSearchCV(MODELS[model_name](), param_grid=hyperparams, cv=3)
    search.fit(X_train, y_train)
    print(model_name, search.best_params_, search.score(X_test, y_test))
    with open(config[model_name]["output"], "wb") as f:
        pickle.dump(search.best_estimator_, f)


if __name__ == "__main__":
    train(sys.argv[1])
