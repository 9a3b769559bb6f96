"""Hyperparameters of the agent."""
epsilon_start = 1.0
epsilon_end = 0.01
replay_buffer_size = 4000
learning_rate = 1e-4
gamma = 0.95
batch_size = 128
