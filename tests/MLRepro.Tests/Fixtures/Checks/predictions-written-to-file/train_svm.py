"""Train an SVM on the labelled rows and write the positive-class probability of every test row."""
import numpy as np
import pandas as pd
from sklearn.svm import SVC

OUTPUT_FILE = "predictions/p_svm.csv"

train = pd.read_csv("data/train.csv")
test = pd.read_csv("data/test.csv")
features = [c for c in train.columns if c not in ("UserID", "Happy")]

svc = SVC(C=1.0, gamma=0.01, probability=True, random_state=0)
svc.fit(train[features].values, train["Happy"].values)

p = svc.predict_proba(test[features].values)
p = p[:, 1]

# one row per user: id, probability
ids_and_p = np.hstack((test["UserID"].values.reshape((-1, 1)), p.reshape((-1, 1))))
np.savetxt(OUTPUT_FILE, ids_and_p, fmt=["%d", "%.10f"], delimiter=",", header="UserID,Probability1", comments="")
