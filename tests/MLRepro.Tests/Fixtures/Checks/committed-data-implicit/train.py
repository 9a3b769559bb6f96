import numpy as np
from sklearn.linear_model import LogisticRegression

X = np.genfromtxt("data/train_features.csv")
y = np.genfromtxt("data/train_labels.csv")
clf = LogisticRegression().fit(X, y)
print(clf.score(X, y))
