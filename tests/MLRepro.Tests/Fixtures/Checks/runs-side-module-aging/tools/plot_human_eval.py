# Plots the human-preference study exported from the annotation tool.
import matplotlib.pyplot as plt
import pandas as pd

if __name__ == "__main__":
    votes = pd.read_csv("annotations/human_votes_round2.csv")
    votes.groupby("system")["preferred"].mean().plot.bar()
    plt.savefig("human_eval.png")
