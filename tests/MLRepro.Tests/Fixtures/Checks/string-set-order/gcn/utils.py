import numpy as np


def encode_onehot(labels):
    classes = set(labels)
    classes_dict = {c: np.identity(len(classes))[i, :] for i, c in enumerate(classes)}
    return np.array(list(map(classes_dict.get, labels)), dtype=np.int32)


def load_data(path="data/"):
    rows = np.genfromtxt(path + "nodes.content", dtype=np.dtype(str))
    features = rows[:, 1:-1].astype(np.float32)
    labels = encode_onehot(rows[:, -1])
    return features, labels
