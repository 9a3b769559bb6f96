import argparse

import networkx as nx
import pandas as pd
import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--edges", default="input/edges.csv")
    parser.add_argument("--labels", default="input/labels.csv")
    parser.add_argument("--epochs", type=int, default=200)
    args = parser.parse_args()

    edges = pd.read_csv(args.edges)
    graph = nx.from_edgelist(edges.values.tolist())
    labels = pd.read_csv(args.labels)
    y = torch.tensor(labels.iloc[:, 1].values)
    adjacency = torch.tensor(nx.to_numpy_array(graph, nodelist=range(len(y))), dtype=torch.float32)
    weights = torch.nn.Parameter(torch.randn(adjacency.shape[0], int(y.max()) + 1) * 0.01)
    optimizer = torch.optim.Adam([weights], lr=0.01)
    for _ in range(args.epochs):
        loss = torch.nn.functional.cross_entropy(adjacency @ weights, y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    main()
