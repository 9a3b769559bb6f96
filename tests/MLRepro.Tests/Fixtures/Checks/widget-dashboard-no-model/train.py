"""Train a LightGBM model on the loan applications and keep it for later."""
import joblib
import lightgbm as lgb
import pandas as pd

SEED = 71


def main():
    train = pd.read_csv("data/applications.csv")
    y = train.pop("TARGET")
    model = lgb.LGBMClassifier(n_estimators=400, learning_rate=0.03, random_state=SEED)
    model.fit(train, y)
    joblib.dump(model, "output/lgb.pkl")


if __name__ == "__main__":
    main()
