import argparse

import gym
import numpy as np
import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--env", default="CartPole-v1")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    env = gym.make(args.env)
    env.seed(args.seed)
    obs = env.reset()
    policy = torch.nn.Linear(env.observation_space.shape[0], env.action_space.n)
    done = False
    while not done:
        action = int(policy(torch.as_tensor(obs, dtype=torch.float32)).argmax())
        obs, reward, done, info = env.step(action)
    torch.save(policy.state_dict(), "policy.pt")


if __name__ == "__main__":
    main()
