import pandas as pd
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import accuracy_score, f1_score
from sklearn.model_selection import train_test_split

df = pd.read_csv("data/weather.csv")
X = df.drop(columns=["rain_tomorrow"])
y = df["rain_tomorrow"]
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.3, random_state=0)

model = RandomForestClassifier(
    criterion="gini",
    max_depth=10,
    max_features="auto",
    n_estimators=100,
    random_state=0,
)
model.fit(X_train, y_train)
pred = model.predict(X_test)
print("accuracy", accuracy_score(y_test, pred))
print("f1", f1_score(y_test, pred))
