import numpy as np


def load_edges(dataset_str):
    return np.loadtxt("data/{}.cites".format(dataset_str), dtype=int)


edges = load_edges("cora")
n = edges.max() + 1
adj = np.zeros((n, n))
adj[edges[:, 0], edges[:, 1]] = 1
print("nodes", n, "edges", int(adj.sum()))
