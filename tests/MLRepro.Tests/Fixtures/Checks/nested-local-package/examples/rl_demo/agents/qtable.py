import numpy as np

from agents.policy import epsilon_greedy


class QAgent:
    def __init__(self, n_states, n_actions, rng):
        self.q = np.zeros((n_states, n_actions))
        self.rng = rng

    def episode(self):
        state = 0
        while state < self.q.shape[0] - 1:
            action = epsilon_greedy(self.q[state], 0.1, self.rng)
            nxt = min(state + 1, self.q.shape[0] - 1) if action == 1 else max(state - 1, 0)
            reward = 1.0 if nxt == self.q.shape[0] - 1 else 0.0
            self.q[state, action] += 0.1 * (reward + 0.9 * self.q[nxt].max() - self.q[state, action])
            state = nxt
