import argparse
import os

import gym
import numpy as np
import torch

import agent


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--env", default="HalfCheetah-v4")
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--start_timesteps", default=25e3, type=int)
    parser.add_argument("--max_timesteps", default=1e6, type=int)
    parser.add_argument("--batch_size", default=256, type=int)
    parser.add_argument("--save_model", action="store_true")
    args = parser.parse_args()

    os.makedirs("./results", exist_ok=True)
    os.makedirs("./models", exist_ok=True)
    env = gym.make(args.env)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    policy = agent.Actor(env.observation_space.shape[0], env.action_space.shape[0])
    optimizer = torch.optim.Adam(policy.parameters(), lr=3e-4)
    state, _ = env.reset(seed=args.seed)
    returns = []
    for t in range(int(args.max_timesteps)):
        action = policy(torch.as_tensor(state, dtype=torch.float32)).detach().numpy()
        state, reward, done, truncated, _ = env.step(action)
        returns.append(reward)
        if done or truncated:
            state, _ = env.reset()
        if (t + 1) % 5000 == 0:
            np.save(f"./results/{args.env}_{args.seed}", returns)
            if args.save_model:
                agent.save(policy, f"./models/{args.env}_{args.seed}")
