import numpy as np


def load_graph(path="data/citations/", name="papers"):
    nodes = np.genfromtxt("{}{}.nodes".format(path, name), dtype=str)
    edges = np.genfromtxt("{}{}.edges".format(path, name), dtype=str)
    return nodes, edges


if __name__ == "__main__":
    nodes, edges = load_graph()
    print(len(nodes), len(edges))
