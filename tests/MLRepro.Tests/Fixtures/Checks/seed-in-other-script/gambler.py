"""Value iteration for the gambler's problem (chapter 4)."""
import matplotlib.pyplot as plt
import numpy as np

GOAL = 100
HEAD_PROB = 0.4


def figure_4_3():
    np.random.seed(0)
    values = np.zeros(GOAL + 1)
    values[GOAL] = 1.0
    for _ in range(100):
        for state in range(1, GOAL):
            actions = np.arange(min(state, GOAL - state) + 1)
            returns = [HEAD_PROB * values[state + a] + (1 - HEAD_PROB) * values[state - a] for a in actions]
            values[state] = np.max(returns)
    plt.plot(values)
    plt.savefig("figure_4_3.png")


if __name__ == "__main__":
    figure_4_3()
