import argparse

import networkx as nx
import numpy as np
import pandas as pd


def parameter_parser():
    parser = argparse.ArgumentParser(description="Signed random-walk embeddings.")
    parser.add_argument("--edge-path", nargs="?", default="./data/sample_edges.csv", help="Edge list csv.")
    parser.add_argument("--output-path", nargs="?", default="./output/embedding.csv", help="Embedding csv.")
    parser.add_argument("--dimensions", type=int, default=32, help="Embedding size.")
    return parser.parse_args()


def read_graph(path):
    edges = pd.read_csv(path)
    graph = nx.Graph()
    for source, target, sign in edges.values.tolist():
        graph.add_edge(int(source), int(target), sign=int(sign))
    return graph


def embed(graph, dimensions):
    nodes = sorted(graph.nodes())
    vectors = np.zeros((len(nodes), dimensions))
    for node in nodes:
        for neighbour in graph.neighbors(node):
            vectors[node, neighbour % dimensions] += graph[node][neighbour]["sign"]
    return vectors


def main():
    args = parameter_parser()
    graph = read_graph(args.edge_path)
    vectors = embed(graph, args.dimensions)
    pd.DataFrame(vectors).to_csv(args.output_path, index=False)


if __name__ == "__main__":
    main()
