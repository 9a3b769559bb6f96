import joblib
import pandas as pd
from sklearn.ensemble import GradientBoostingClassifier
from sklearn.model_selection import train_test_split


def main():
    df = pd.read_csv("data/churn.csv")
    X, y = df.drop(columns=["churn"]), df["churn"]
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
    model = GradientBoostingClassifier(random_state=0).fit(X_train, y_train)
    print("accuracy", model.score(X_test, y_test))
    joblib.dump(model, "model.joblib")


if __name__ == "__main__":
    main()
