import argparse

import gym
import numpy as np
import torch


def get_args():
    parser = argparse.ArgumentParser(description='PPO')
    parser.add_argument('--env-name', default='Hopper-v2')
    parser.add_argument('--lr', type=float, default=3e-4)
    parser.add_argument('--gamma', type=float, default=0.99)
    parser.add_argument('--gae-lambda', type=float, default=0.95)
    parser.add_argument('--num-steps', type=int, default=2048)
    parser.add_argument('--ppo-epoch', type=int, default=10)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--log-dir', default='/tmp/gym/')
    return parser.parse_args()


def main():
    args = get_args()
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    env = gym.make(args.env_name)
    policy = torch.nn.Linear(env.observation_space.shape[0], env.action_space.shape[0])
    optim = torch.optim.Adam(policy.parameters(), lr=args.lr)
    for epoch in range(args.ppo_epoch):
        loss = policy(torch.zeros(args.num_steps, env.observation_space.shape[0])).pow(2).mean() * args.gamma * args.gae_lambda
        optim.zero_grad()
        loss.backward()
        optim.step()
        print('epoch', epoch, 'loss', loss.item())


if __name__ == '__main__':
    main()
