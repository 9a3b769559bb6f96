import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


class Buffer:
    def __init__(self):
        self.items = []

    def add(self, *item):
        self.items.append(item)

    def sample(self, n):
        idx = np.random.randint(0, len(self.items), size=n)
        return [torch.FloatTensor(np.array(x)).to(device) for x in zip(*[self.items[i] for i in idx])]


class Agent:
    def __init__(self, state_dim, action_dim):
        self.actor = nn.Sequential(nn.Linear(state_dim, 256), nn.ReLU(), nn.Linear(256, action_dim)).to(device)
        self.opt = torch.optim.Adam(self.actor.parameters(), lr=3e-4)

    def act(self, state):
        return self.actor(torch.FloatTensor(state).to(device)).cpu().data.numpy()

    def train(self, buffer, batch_size):
        state, action, next_state, reward, done = buffer.sample(batch_size)
        loss = F.mse_loss(self.actor(state), action)
        self.opt.zero_grad()
        loss.backward()
        self.opt.step()
