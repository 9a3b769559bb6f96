"""Proximal Policy Optimisation for discrete-action gym environments (one file)."""
import argparse
import random

import gym
import numpy as np
import torch
import torch.nn as nn
import torch.optim as optim


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--env-id", type=str, default="CartPole-v1")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--total-timesteps", type=int, default=25000)
    parser.add_argument("--learning-rate", type=float, default=2.5e-4)
    parser.add_argument("--num-steps", type=int, default=128)
    return parser.parse_args()


class Agent(nn.Module):
    def __init__(self, obs_dim, n_actions):
        super().__init__()
        self.critic = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, 1))
        self.actor = nn.Sequential(nn.Linear(obs_dim, 64), nn.Tanh(), nn.Linear(64, n_actions))

    def act(self, obs):
        logits = self.actor(obs)
        dist = torch.distributions.Categorical(logits=logits)
        action = dist.sample()
        return action, dist.log_prob(action), self.critic(obs)


def main():
    args = parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    env = gym.make(args.env_id)
    # gym < 0.26 API: seeding through env.seed and a 4-tuple step
    env.seed(args.seed)
    agent = Agent(env.observation_space.shape[0], env.action_space.n)
    optimizer = optim.Adam(agent.parameters(), lr=args.learning_rate)

    obs = torch.tensor(env.reset(), dtype=torch.float32)
    for step in range(args.total_timesteps):
        action, logprob, value = agent.act(obs)
        next_obs, reward, done, info = env.step(action.item())
        loss = -(logprob * reward).mean() + (value.squeeze() - reward) ** 2
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        obs = torch.tensor(env.reset() if done else next_obs, dtype=torch.float32)


if __name__ == "__main__":
    main()
