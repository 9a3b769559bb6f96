from sklearn.ensemble import RandomForestClassifier
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler


def build():
    return Pipeline(
        [
            ("scaler", StandardScaler()),
            (
                "forest",
                RandomForestClassifier(
                    criterion="gini",
                    max_depth=10,
                    max_features="auto",
                    n_estimators=200,
                    random_state=0,
                ),
            ),
        ]
    )
