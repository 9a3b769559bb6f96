import argparse
import os

import gym
import torch

parser = argparse.ArgumentParser(description='RL')
parser.add_argument('--seed', type=int, default=1)
parser.add_argument('--env-name', default='HalfCheetah-v2', help='environment to run the agent in')
parser.add_argument('--load-dir', default='./trained_models/', help='directory holding the saved agent')
parser.add_argument('--non-det', action='store_true', default=False, help='sample actions instead of taking the mean')
args = parser.parse_args()

env = gym.make(args.env_name)
env.seed(args.seed)
policy = torch.load(os.path.join(args.load_dir, args.env_name + '.pt'), map_location='cpu')

obs = env.reset()
while True:
    with torch.no_grad():
        action = policy(torch.as_tensor(obs, dtype=torch.float32))
    obs, reward, done, _ = env.step(action.numpy())
    env.render()
    if done:
        obs = env.reset()
