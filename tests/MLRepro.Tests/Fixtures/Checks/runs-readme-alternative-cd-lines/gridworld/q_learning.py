import argparse

import numpy as np

SIZE = 4
GOAL = (3, 3)
MOVES = [(0, 1), (1, 0), (0, -1), (-1, 0)]


def step(state, action):
    r, c = state
    dr, dc = MOVES[action]
    nxt = (min(max(r + dr, 0), SIZE - 1), min(max(c + dc, 0), SIZE - 1))
    return nxt, (1.0 if nxt == GOAL else -0.01), nxt == GOAL


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--episodes", type=int, default=200)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    q = np.zeros((SIZE, SIZE, 4))
    for _ in range(args.episodes):
        state, done = (0, 0), False
        while not done:
            action = rng.integers(4) if rng.random() < 0.1 else int(np.argmax(q[state]))
            nxt, reward, done = step(state, action)
            q[state][action] += 0.5 * (reward + 0.9 * q[nxt].max() - q[state][action])
            state = nxt
    print(q.max(axis=2))


if __name__ == "__main__":
    main()
