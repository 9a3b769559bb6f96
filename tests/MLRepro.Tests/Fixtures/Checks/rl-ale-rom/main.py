import argparse
import random

import atari_py
import numpy as np
import torch

from env import Env

parser = argparse.ArgumentParser(description="DQN on the Arcade Learning Environment")
parser.add_argument("--seed", type=int, default=123)
parser.add_argument("--game", type=str, default="space_invaders", choices=atari_py.list_games(), help="ATARI game")
parser.add_argument("--max-episode-length", type=int, default=108000)
parser.add_argument("--history-length", type=int, default=4)
parser.add_argument("--steps", type=int, default=50000)
args = parser.parse_args()
args.device = torch.device("cpu")

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)

env = Env(args)
net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(4 * 84 * 84, len(env.actions)))
optimizer = torch.optim.Adam(net.parameters(), lr=1e-4)
state, done = env.reset(), False
for t in range(args.steps):
    if done:
        state, done = env.reset(), False
    q = net(state.unsqueeze(0))
    action = q.argmax(1).item() if random.random() > 0.1 else random.randrange(len(env.actions))
    next_state, reward, done = env.step(action)
    target = reward + 0.99 * net(next_state.unsqueeze(0)).max().detach() * (not done)
    loss = (q[0, action] - target) ** 2
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    state = next_state
