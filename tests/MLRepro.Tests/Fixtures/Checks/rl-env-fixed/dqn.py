import random

import gym
import torch
import torch.nn as nn
import torch.optim as optim

env_id = "CartPole-v1"
env = gym.make(env_id)

model = nn.Sequential(nn.Linear(env.observation_space.shape[0], 128), nn.ReLU(), nn.Linear(128, env.action_space.n))
optimizer = optim.Adam(model.parameters(), lr=1e-3)

state = env.reset()
for frame in range(10000):
    epsilon = max(0.01, 1.0 - frame / 1000)
    if random.random() < epsilon:
        action = env.action_space.sample()
    else:
        action = model(torch.FloatTensor(state)).argmax().item()
    next_state, reward, done, _ = env.step(action)
    state = env.reset() if done else next_state
