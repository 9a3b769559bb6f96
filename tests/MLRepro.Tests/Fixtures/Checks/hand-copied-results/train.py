from sklearn.datasets import load_wine
from sklearn.svm import SVC

if __name__ == "__main__":
    X, y = load_wine(return_X_y=True)
    model = SVC(C=2.0).fit(X, y)
    print("accuracy:", model.score(X, y))
