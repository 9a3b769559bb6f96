import sys

import joblib
import pandas as pd
from sklearn.ensemble import RandomForestClassifier

if __name__ == "__main__":
    features, target = sys.argv[1], sys.argv[2]
    df = pd.read_csv(features)
    X, y = df.drop(columns=["RainTomorrow"]), df["RainTomorrow"]
    model = RandomForestClassifier(n_estimators=100, random_state=42).fit(X, y)
    joblib.dump(model, target)
