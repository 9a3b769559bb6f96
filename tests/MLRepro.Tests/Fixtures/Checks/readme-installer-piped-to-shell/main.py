import argparse

import gym
import numpy as np
import torch

import agent


def evaluate(policy, env_name, seed, episodes=10):
    eval_env = gym.make(env_name)
    eval_env.seed(seed + 100)
    total = 0.0
    for _ in range(episodes):
        state, done = eval_env.reset(), False
        while not done:
            state, reward, done, _ = eval_env.step(policy.select_action(np.array(state)))
            total += reward
    return total / episodes


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--env", default="Pendulum-v1")
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--max_timesteps", default=100000, type=int)
    args = parser.parse_args()

    env = gym.make(args.env)
    env.seed(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    state_dim = env.observation_space.shape[0]
    action_dim = env.action_space.shape[0]
    max_action = float(env.action_space.high[0])
    policy = agent.DDPG(state_dim, action_dim, max_action)

    state = env.reset()
    for t in range(args.max_timesteps):
        action = policy.select_action(np.array(state))
        next_state, reward, done, _ = env.step(action)
        policy.observe(state, action, next_state, reward, done)
        state = env.reset() if done else next_state
        if (t + 1) % 5000 == 0:
            print(t + 1, evaluate(policy, args.env, args.seed))
