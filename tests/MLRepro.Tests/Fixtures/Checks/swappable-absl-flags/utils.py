import numpy as np
import pandas as pd


def load_data(dataset_str):
    """Load the node table and the edge list of a graph from data/."""
    nodes = pd.read_csv("data/{}.nodes.csv".format(dataset_str))
    edges = pd.read_csv("data/{}.edges.csv".format(dataset_str))
    n = len(nodes)
    adj = np.zeros((n, n), dtype=np.float32)
    adj[edges["src"], edges["dst"]] = 1.0
    adj = adj + adj.T + np.eye(n, dtype=np.float32)
    features = nodes.drop(columns=["id", "label"]).values.astype(np.float32)
    labels = np.eye(nodes["label"].max() + 1, dtype=np.float32)[nodes["label"]]
    return adj, features, labels
