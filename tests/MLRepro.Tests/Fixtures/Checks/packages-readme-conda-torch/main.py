import argparse

import gym
import matplotlib

matplotlib.use("Agg")
import torch
from stable_baselines3.common.vec_env import DummyVecEnv

from rl.model import Policy


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--env-name", default="PongNoFrameskip-v4")
    parser.add_argument("--num-processes", type=int, default=8)
    parser.add_argument("--lr", type=float, default=2.5e-4)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    envs = DummyVecEnv([lambda: gym.make(args.env_name) for _ in range(args.num_processes)])
    policy = Policy(envs.observation_space.shape[0], envs.action_space.n)
    optimizer = torch.optim.Adam(policy.parameters(), lr=args.lr)
    obs = torch.as_tensor(envs.reset(), dtype=torch.float32)
    for update in range(1000):
        logits, value = policy(obs)
        loss = -value.mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(policy.state_dict(), "policy.pt")


if __name__ == "__main__":
    main()
