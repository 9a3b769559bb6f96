import gensim
import numpy as np
import pandas as pd
import regex

df = pd.read_csv("data/train.csv")
df["search_term"] = df["search_term"].map(lambda s: regex.sub(r"\p{P}+", " ", s.lower()))
model = gensim.models.Word2Vec([s.split() for s in df["search_term"]], min_count=1, seed=1)
df["n_words"] = df["search_term"].map(lambda s: len(s.split()))
np.save("data/features.npy", df[["n_words"]].values)
