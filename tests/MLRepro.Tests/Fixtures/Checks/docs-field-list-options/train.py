import argparse

import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.model_selection import train_test_split

parser = argparse.ArgumentParser()
parser.add_argument("--data_path", default="data/churn.csv")
parser.add_argument("--target", default="churned")
parser.add_argument("--test_size", type=float, default=0.2)
parser.add_argument("--n_estimators", type=int, default=200)
parser.add_argument("--max_depth", type=int, default=8)
parser.add_argument("--seed", type=int, default=0)
args = parser.parse_args()

df = pd.read_csv(args.data_path)
X_train, X_test, y_train, y_test = train_test_split(df.drop(columns=[args.target]), df[args.target], test_size=args.test_size, random_state=args.seed)
model = RandomForestClassifier(n_estimators=args.n_estimators, max_depth=args.max_depth, random_state=args.seed).fit(X_train, y_train)
print(model.score(X_test, y_test))
