import argparse
import os

import numpy as np
import torch

from agent import Agent
from env import Env

parser = argparse.ArgumentParser(description="Distributional DQN on Atari")
parser.add_argument("--game", type=str, default="space_invaders", help="ALE game")
parser.add_argument("--T-max", type=int, default=int(50e6), metavar="STEPS", help="number of training steps (4x number of frames)")
parser.add_argument("--learn-start", type=int, default=int(20e3), metavar="STEPS", help="steps before learning starts")
parser.add_argument("--replay-frequency", type=int, default=4, metavar="k", help="frequency of sampling from memory")
parser.add_argument("--evaluation-interval", type=int, default=100000, metavar="STEPS", help="steps between evaluations")
parser.add_argument("--results-dir", type=str, default="results", help="where the model and metrics go")
parser.add_argument("--seed", type=int, default=123)
args = parser.parse_args()

np.random.seed(args.seed)
torch.manual_seed(args.seed)
device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

env = Env(args.game, device)
agent = Agent(env.action_space(), device)
os.makedirs(args.results_dir, exist_ok=True)

state = env.reset()
for T in range(1, args.T_max + 1):
    action = agent.act(state)
    state, reward, done = env.step(action)
    if done:
        state = env.reset()
    if T >= args.learn_start and T % args.replay_frequency == 0:
        agent.learn(state, reward)
    if T % args.evaluation_interval == 0:
        torch.save(agent.online_net.state_dict(), os.path.join(args.results_dir, "model.pth"))
