"""Trains a PPO agent on CarRacing and plots the moving-average score on Visdom."""
import argparse

import gym
import numpy as np
import torch
from torch import nn, optim

from utils import DrawLine

parser = argparse.ArgumentParser(description="Train a PPO agent for CarRacing-v0")
parser.add_argument("--gamma", type=float, default=0.99)
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--log-interval", type=int, default=10)
parser.add_argument("--vis", action="store_true", help="use visdom")
args = parser.parse_args()
torch.manual_seed(args.seed)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Flatten(), nn.Linear(96 * 96 * 4, 256), nn.ReLU())
        self.v = nn.Linear(256, 1)
        self.mu = nn.Linear(256, 3)

    def forward(self, x):
        h = self.body(x)
        return self.mu(h), self.v(h)


if __name__ == "__main__":
    env = gym.make("CarRacing-v0")
    net = Net()
    optimizer = optim.Adam(net.parameters(), lr=1e-3)
    if args.vis:
        draw_reward = DrawLine(env="car", title="PPO", xlabel="Episode", ylabel="Moving averaged episode reward")
    running_score = 0
    for i_ep in range(100000):
        state, score = env.reset(), 0
        for t in range(1000):
            mu, v = net(torch.from_numpy(np.asarray(state, dtype=np.float32))[None])
            state, reward, done, _ = env.step(mu.detach().numpy()[0])
            loss = -v.mean() * reward
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            score += reward
            if done:
                break
        running_score = running_score * 0.99 + score * 0.01
        if i_ep % args.log_interval == 0:
            if args.vis:
                draw_reward(xdata=i_ep, ydata=running_score)
            print("Ep {}\tLast score: {:.2f}\tMoving average score: {:.2f}".format(i_ep, score, running_score))
            torch.save(net.state_dict(), "param/ppo_net_params.pkl")
