import torch
from torch import nn, optim


class Agent:
    def __init__(self, actions, device):
        self.actions = actions
        self.online_net = nn.Sequential(nn.Linear(84 * 84, 512), nn.ReLU(), nn.Linear(512, actions)).to(device)
        self.optimiser = optim.Adam(self.online_net.parameters(), lr=0.0000625, eps=1.5e-4)

    def act(self, state):
        with torch.no_grad():
            return self.online_net(state.flatten()).argmax().item()

    def learn(self, state, reward):
        loss = (self.online_net(state.flatten()).max() - reward) ** 2
        self.optimiser.zero_grad()
        loss.backward()
        self.optimiser.step()
