import matplotlib.pyplot as plt
from sklearn.datasets import load_iris
from sklearn.ensemble import RandomForestClassifier
from sklearn.metrics import plot_confusion_matrix
from sklearn.model_selection import train_test_split

X, y = load_iris(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, random_state=0)
clf = RandomForestClassifier(max_depth=2, random_state=0).fit(X_train, y_train)
plot_confusion_matrix(clf, X_test, y_test, normalize="true")
plt.savefig("confusion_matrix.png")
