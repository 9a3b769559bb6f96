import argparse
import os

import gym
import torch
import torch.nn as nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--env-name', default='HalfCheetah-v2')
    parser.add_argument('--lr', type=float, default=3e-4)
    parser.add_argument('--num-steps', type=int, default=2048)
    parser.add_argument('--save-dir', default='trained_models/')
    args = parser.parse_args()
    env = gym.make(args.env_name)
    policy = nn.Linear(env.observation_space.shape[0], env.action_space.shape[0])
    optim = torch.optim.Adam(policy.parameters(), lr=args.lr)
    obs = env.reset()
    for _ in range(args.num_steps):
        action = policy(torch.as_tensor(obs, dtype=torch.float32))
        obs, reward, done, _ = env.step(action.detach().numpy())
        loss = -reward * action.sum()
        optim.zero_grad()
        loss.backward()
        optim.step()
        if done:
            obs = env.reset()
    os.makedirs(args.save_dir, exist_ok=True)
    torch.save(policy, os.path.join(args.save_dir, args.env_name + '.pt'))


if __name__ == '__main__':
    main()
