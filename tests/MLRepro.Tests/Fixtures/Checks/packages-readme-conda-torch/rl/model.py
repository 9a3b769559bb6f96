import numpy as np
import torch
import torch.nn as nn


def init_weights(module, gain=np.sqrt(2)):
    nn.init.orthogonal_(module.weight.data, gain=gain)
    nn.init.constant_(module.bias.data, 0)
    return module


class Policy(nn.Module):
    def __init__(self, obs_dim, n_actions, hidden=64):
        super().__init__()
        self.actor = nn.Sequential(init_weights(nn.Linear(obs_dim, hidden)), nn.Tanh(), init_weights(nn.Linear(hidden, n_actions)))
        self.critic = nn.Sequential(init_weights(nn.Linear(obs_dim, hidden)), nn.Tanh(), init_weights(nn.Linear(hidden, 1)))

    def forward(self, obs):
        return self.actor(obs), self.critic(obs)
