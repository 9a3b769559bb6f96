from sklearn.datasets import load_wine
from sklearn.tree import DecisionTreeClassifier

X, y = load_wine(return_X_y=True)
clf = DecisionTreeClassifier(max_depth=3, random_state=1).fit(X, y)
with open("metrics.txt", "w") as f:
    f.write(f"accuracy: {clf.score(X, y):.3f}\n")
