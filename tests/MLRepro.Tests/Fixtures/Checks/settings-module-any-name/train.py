"""Trains the agent with the settings of hyp.py."""
import numpy as np

import hyp

if __name__ == "__main__":
    np.random.seed(0)
    weights = np.zeros(4)
    for step in range(hyp.replay_buffer_size // hyp.batch_size):
        weights += hyp.learning_rate * hyp.gamma * np.random.randn(4)
    print(weights, hyp.epsilon_start, hyp.epsilon_end)
