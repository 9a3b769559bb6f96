"""Train a tabular Q-learning agent on a toy chain environment."""
import argparse

import numpy as np

from agents.qtable import QAgent


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", type=int, default=200)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    rng = np.random.default_rng(args.seed)
    agent = QAgent(n_states=10, n_actions=2, rng=rng)
    for _ in range(args.episodes):
        agent.episode()
    np.save("q_table.npy", agent.q)


if __name__ == "__main__":
    main()
