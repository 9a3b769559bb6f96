import torch
import torch.nn as nn


class DDPG:
    def __init__(self, state_dim, action_dim, max_action):
        self.actor = nn.Sequential(nn.Linear(state_dim, 256), nn.ReLU(), nn.Linear(256, action_dim), nn.Tanh())
        self.max_action = max_action
        self.buffer = []

    def select_action(self, state):
        with torch.no_grad():
            return (self.actor(torch.as_tensor(state, dtype=torch.float32)) * self.max_action).numpy()

    def observe(self, *transition):
        self.buffer.append(transition)
