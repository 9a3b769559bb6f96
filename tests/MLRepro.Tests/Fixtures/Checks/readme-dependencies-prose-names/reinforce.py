import gym
import torch
import torch.nn as nn
import torch.optim as optim
from torch.distributions import Categorical

learning_rate = 0.0002
gamma = 0.98


class Policy(nn.Module):
    def __init__(self):
        super().__init__()
        self.data = []
        self.fc1 = nn.Linear(4, 128)
        self.fc2 = nn.Linear(128, 2)
        self.optimizer = optim.Adam(self.parameters(), lr=learning_rate)

    def forward(self, x):
        return torch.softmax(self.fc2(torch.relu(self.fc1(x))), dim=0)

    def train_net(self):
        ret = 0
        self.optimizer.zero_grad()
        for r, prob in self.data[::-1]:
            ret = r + gamma * ret
            loss = -torch.log(prob) * ret
            loss.backward()
        self.optimizer.step()
        self.data = []


def main():
    env = gym.make("CartPole-v1")
    pi = Policy()
    for n_epi in range(10000):
        s, _ = env.reset()
        done = False
        while not done:
            prob = pi(torch.from_numpy(s).float())
            a = Categorical(prob).sample()
            s, r, done, truncated, info = env.step(a.item())
            pi.data.append((r, prob[a]))
        pi.train_net()
    env.close()


if __name__ == "__main__":
    main()
