import pickle

import yaml
from sklearn.linear_model import SGDClassifier

if __name__ == "__main__":
    params = yaml.safe_load(open("params.yaml"))
    clf = SGDClassifier(max_iter=params["epochs"], eta0=params["learning_rate"], learning_rate="constant", random_state=1)
    clf.fit([[0], [1], [2], [3]], [0, 1, 0, 1])
    pickle.dump(clf, open("model.pkl", "wb"))
