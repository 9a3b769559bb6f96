"""A small DQN agent for CartPole."""
import random

import gym
import numpy as np
import torch
from torch import nn


class QAgent:
    def __init__(self, n_states, n_actions, epsilon=0.1):
        self.net = nn.Sequential(nn.Linear(n_states, 64), nn.ReLU(), nn.Linear(64, n_actions))
        self.n_actions = n_actions
        self.epsilon = epsilon

    def act(self, state):
        if random.random() < self.epsilon:
            return random.randrange(self.n_actions)
        with torch.no_grad():
            return int(self.net(torch.as_tensor(np.asarray(state, dtype=np.float32))).argmax())


if __name__ == "__main__":
    env = gym.make("CartPole-v1")
    agent = QAgent(env.observation_space.shape[0], env.action_space.n)
    state, done, total = env.reset(), False, 0.0
    while not done:
        state, reward, done, _ = env.step(agent.act(state))
        total += reward
    print("episode reward", total)
