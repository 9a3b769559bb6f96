"""Fits a small tree on the committed points and returns its Graphviz description."""
import pandas as pd
from sklearn.tree import DecisionTreeClassifier, export_graphviz


def tree_graph():
    df = pd.read_csv("data/points.csv")
    tree = DecisionTreeClassifier(random_state=0).fit(df[["x1", "x2"]], df["y"])
    export_graphviz(tree, out_file="points_tree.dot", filled=True)
    with open("points_tree.dot") as f:
        return f.read()


if __name__ == "__main__":
    print(tree_graph())
