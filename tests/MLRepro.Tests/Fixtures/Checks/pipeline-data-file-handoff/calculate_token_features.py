import pandas as pd

df_train = pd.read_csv("common_tokens_train.csv")
df_test = pd.read_csv("common_tokens_test.csv")


def features(df):
    common = df["common"].fillna("").str.split()
    diff = df["diff"].fillna("").str.split()
    return pd.DataFrame({
        "n_common": common.map(len),
        "n_diff": diff.map(len),
        "jaccard": common.map(len) / (common.map(len) + diff.map(len)).clip(lower=1),
    })


features(df_train).to_csv("features_tokens_train.csv", index=False)
features(df_test).to_csv("features_tokens_test.csv", index=False)
