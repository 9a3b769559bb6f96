import numpy as np
import torch
from torch import nn


class Agent:
    def __init__(self, state_dim, action_dim):
        self.actor = nn.Sequential(nn.Linear(state_dim, 64), nn.ReLU(), nn.Linear(64, action_dim), nn.Tanh())
        self.opt = torch.optim.Adam(self.actor.parameters(), lr=3e-4)

    def act(self, state):
        with torch.no_grad():
            return self.actor(torch.as_tensor(state, dtype=torch.float32)).numpy()

    def observe(self, state, action, reward, next_state, done):
        loss = -torch.as_tensor(reward, dtype=torch.float32) * self.actor(torch.as_tensor(state, dtype=torch.float32)).sum()
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
