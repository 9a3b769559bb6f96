import torch
from torch import nn


class Actor(nn.Module):
    def __init__(self, state_dim, action_dim):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(state_dim, 256), nn.ReLU(), nn.Linear(256, action_dim), nn.Tanh())

    def forward(self, state):
        return self.net(state)


def save(actor, filename):
    torch.save(actor.state_dict(), filename + "_actor")
