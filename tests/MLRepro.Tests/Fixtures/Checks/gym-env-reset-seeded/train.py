"""Tabular Q-learning on FrozenLake: the global RNGs are seeded, the environment too, through its first reset."""
import random

import gymnasium as gym
import numpy as np


def main():
    random.seed(0)
    np.random.seed(0)
    env = gym.make("FrozenLake-v1", is_slippery=True)
    env.reset(seed=0)  # later resets continue from this seeded state
    q = np.zeros((env.observation_space.n, env.action_space.n))
    for episode in range(500):
        state, _ = env.reset()
        done = False
        while not done:
            action = random.randrange(env.action_space.n) if random.random() < 0.1 else int(np.argmax(q[state]))
            nxt, reward, terminated, truncated, _ = env.step(action)
            q[state, action] += 0.1 * (reward + 0.99 * np.max(q[nxt]) - q[state, action])
            state, done = nxt, terminated or truncated
    np.save("q.npy", q)


if __name__ == "__main__":
    main()
