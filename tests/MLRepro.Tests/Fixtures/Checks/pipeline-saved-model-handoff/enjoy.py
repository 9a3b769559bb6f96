import argparse
import os

import gym
import torch

parser = argparse.ArgumentParser(description='watch a trained policy')
parser.add_argument('--env-name', default='CartPole-v1')
parser.add_argument('--load-dir', default='./trained_models/')
args = parser.parse_args()

env = gym.make(args.env_name, render_mode='human')
policy = torch.load(os.path.join(args.load_dir, args.env_name + ".pt"), map_location='cpu')
obs, _ = env.reset(seed=0)
for _ in range(1000):
    with torch.no_grad():
        action = policy(torch.as_tensor(obs, dtype=torch.float32)).argmax().item()
    obs, reward, done, truncated, _ = env.step(action)
    if done or truncated:
        obs, _ = env.reset()
