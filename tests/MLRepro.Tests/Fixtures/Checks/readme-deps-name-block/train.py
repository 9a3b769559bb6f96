import gym
import numpy as np
import torch
import torch.nn as nn

env = gym.make("Pendulum-v1")
torch.manual_seed(0)
np.random.seed(0)
policy = nn.Sequential(nn.Linear(3, 64), nn.Tanh(), nn.Linear(64, 1))
opt = torch.optim.Adam(policy.parameters(), lr=3e-4)
state = env.reset()
for step in range(1000):
    action = policy(torch.as_tensor(np.asarray(state), dtype=torch.float32)).detach().numpy()
    state, reward, done, _ = env.step(action)
    if done:
        state = env.reset()
torch.save(policy.state_dict(), "policy.pth")
