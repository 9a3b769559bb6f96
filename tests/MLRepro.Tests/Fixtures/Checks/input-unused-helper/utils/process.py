import pickle as pkl

import numpy as np


def load_data(dataset_str):
    """Loads the committed planetoid-style pickles data/ind.<dataset>.<name>."""
    objects = []
    for name in ["x", "y", "graph"]:
        with open("data/ind.{}.{}".format(dataset_str, name), "rb") as f:
            objects.append(pkl.load(f))
    x, y, graph = objects
    return np.array(x["v"]), np.array(y["v"]), graph
