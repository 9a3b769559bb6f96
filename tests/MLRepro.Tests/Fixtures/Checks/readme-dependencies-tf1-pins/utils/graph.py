import pickle as pkl

import networkx as nx
import numpy as np
import scipy.sparse as sp


def load_data(name):
    """Loads the Planetoid pickles data/ind.<name>.{x,y,graph}."""
    objects = []
    for suffix in ["x", "y", "graph"]:
        with open("data/ind.{}.{}".format(name, suffix), "rb") as f:
            objects.append(pkl.load(f, encoding="latin1"))
    x, y, graph = objects
    adj = nx.adjacency_matrix(nx.from_dict_of_lists(graph))
    return adj, x, y


def normalize_adj(adj):
    adj = sp.coo_matrix(adj) + sp.eye(adj.shape[0])
    rowsum = np.array(adj.sum(1))
    d_inv_sqrt = np.power(rowsum, -0.5).flatten()
    d_inv_sqrt[np.isinf(d_inv_sqrt)] = 0.0
    d_mat = sp.diags(d_inv_sqrt)
    return adj.dot(d_mat).transpose().dot(d_mat).tocoo()
