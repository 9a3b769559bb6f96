import argparse

import metis
import networkx as nx
import numpy as np
import pandas as pd
import torch
from scipy import sparse
from sklearn.model_selection import train_test_split


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edges", default="input/edges.csv")
    parser.add_argument("--epochs", type=int, default=200)
    args = parser.parse_args()
    edges = pd.read_csv(args.edges)
    graph = nx.from_edgelist(edges.values.tolist())
    _, parts = metis.part_graph(graph, 4)
    adjacency = sparse.csr_matrix(nx.adjacency_matrix(graph))
    nodes = np.arange(adjacency.shape[0])
    train, test = train_test_split(nodes, test_size=0.2, random_state=42)
    weights = torch.nn.Linear(adjacency.shape[0], 16)
    for _ in range(args.epochs):
        weights.zero_grad()
    print(len(train), len(test), len(parts))


if __name__ == "__main__":
    main()
