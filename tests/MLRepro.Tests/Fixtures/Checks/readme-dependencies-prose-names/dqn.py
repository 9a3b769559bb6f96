import collections
import random

import gym
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

buffer_limit = 50000
batch_size = 32


class ReplayBuffer:
    def __init__(self):
        self.buffer = collections.deque(maxlen=buffer_limit)

    def put(self, transition):
        self.buffer.append(transition)

    def sample(self, n):
        batch = random.sample(self.buffer, n)
        s, a, r, s2, done = zip(*batch)
        return torch.tensor(np.array(s), dtype=torch.float), torch.tensor(a), torch.tensor(r), torch.tensor(np.array(s2), dtype=torch.float), torch.tensor(done)


class Qnet(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 128)
        self.fc2 = nn.Linear(128, 2)

    def forward(self, x):
        return self.fc2(F.relu(self.fc1(x)))


def main():
    env = gym.make("CartPole-v1")
    q = Qnet()
    memory = ReplayBuffer()
    for n_epi in range(3000):
        s, _ = env.reset()
        done = False
        while not done:
            a = random.randint(0, 1) if random.random() < 0.1 else q(torch.from_numpy(s).float()).argmax().item()
            s2, r, done, truncated, info = env.step(a)
            memory.put((s, a, r / 100.0, s2, done))
            s = s2
    env.close()


if __name__ == "__main__":
    main()
