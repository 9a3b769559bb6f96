# expect: python.empty-assignment
import pandas as pd
from sklearn.ensemble import RandomForestRegressor


def go(args):
    df = pd.read_csv(args.trainval)
    # Build the model with the configured number of trees
    model = # YOUR CODE HERE
    model.fit(df.drop(columns=["price"]), df["price"])
