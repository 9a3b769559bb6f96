import json

import numpy as np


def process_big_benchmark():
    """Preprocessing for the large inductive benchmark (not used by the Cora-style example)."""
    with open("big_dataset/graph.json") as jsonfile:
        graph = json.load(jsonfile)
    features = np.load("big_dataset/feats.npy")
    return graph, features
