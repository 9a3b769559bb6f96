import re

import pandas as pd

TOKEN = re.compile(r"\w+")


def tokens(text):
    return set(TOKEN.findall(str(text).lower()))


for part in ["train", "test"]:
    pairs = pd.read_csv(f"../input/ItemPairs_{part}.csv")
    info = pd.read_csv(f"../input/ItemInfo_{part}.csv", index_col="itemID")
    left = info.loc[pairs.itemID_1, "title"].map(tokens).values
    right = info.loc[pairs.itemID_2, "title"].map(tokens).values
    out = pd.DataFrame({
        "common": [" ".join(sorted(a & b)) for a, b in zip(left, right)],
        "diff": [" ".join(sorted(a ^ b)) for a, b in zip(left, right)],
    })
    out.to_csv("common_tokens_train.csv" if part == "train" else "common_tokens_test.csv", index=False)
