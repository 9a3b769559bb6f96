import joblib
import pandas as pd
from pymongo import MongoClient
from sklearn.ensemble import GradientBoostingRegressor
from sklearn.model_selection import train_test_split

client = MongoClient("mongodb://analyst@db.internal:27017")
collection = client["energy"]["hourly_demand"]


def main():
    frame = pd.DataFrame(list(collection.find({"year": {"$gte": 2019}}, {"_id": 0})))
    features = frame.drop(columns=["demand"])
    x_train, x_test, y_train, y_test = train_test_split(features, frame["demand"], test_size=0.2, random_state=0)
    model = GradientBoostingRegressor(random_state=0).fit(x_train, y_train)
    print("R2:", model.score(x_test, y_test))
    joblib.dump(model, "model.joblib")


if __name__ == "__main__":
    main()
