import lightgbm as lgb
import pandas as pd
from sklearn.model_selection import StratifiedKFold

if __name__ == "__main__":
    df = pd.read_pickle("features/train_features.pkl")
    y = df.pop("TARGET")
    X = df.drop(columns=["SK_ID_CURR"]).select_dtypes("number")
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=1001)
    oof = pd.Series(0.0, index=X.index)
    for trn, val in folds.split(X, y):
        model = lgb.LGBMClassifier(n_estimators=10000, learning_rate=0.02, num_leaves=34, random_state=1001)
        model.fit(X.iloc[trn], y.iloc[trn], eval_set=[(X.iloc[val], y.iloc[val])], eval_metric="auc",
                  callbacks=[lgb.early_stopping(200)])
        oof.iloc[val] = model.predict_proba(X.iloc[val])[:, 1]
    pd.DataFrame({"SK_ID_CURR": df["SK_ID_CURR"], "oof": oof}).to_csv("oof.csv", index=False)
