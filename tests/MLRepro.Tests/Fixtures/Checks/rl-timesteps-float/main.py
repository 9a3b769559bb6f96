import argparse
import os

import gym
import numpy as np
import torch

import agent


def evaluate(policy, env_name, seed, episodes=10):
    env = gym.make(env_name)
    env.seed(seed + 100)
    total = 0.0
    for _ in range(episodes):
        state, done = env.reset(), False
        while not done:
            state, reward, done, _ = env.step(policy.act(np.array(state)))
            total += reward
    return total / episodes


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--env", default="Hopper-v2")
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--warmup_steps", default=1e4, type=int)
    parser.add_argument("--max_timesteps", default=1e6, type=int)
    parser.add_argument("--eval_every", default=5e3, type=int)
    parser.add_argument("--batch_size", default=256, type=int)
    args = parser.parse_args()

    os.makedirs("./results", exist_ok=True)
    env = gym.make(args.env)
    env.seed(args.seed)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)
    policy = agent.Agent(env.observation_space.shape[0], env.action_space.shape[0])
    buffer = agent.Buffer()
    scores = []
    state, done = env.reset(), False
    for t in range(int(args.max_timesteps)):
        action = env.action_space.sample() if t < args.warmup_steps else policy.act(np.array(state))
        next_state, reward, done, _ = env.step(action)
        buffer.add(state, action, next_state, reward, float(done))
        state = env.reset() if done else next_state
        if t >= args.warmup_steps:
            policy.train(buffer, args.batch_size)
        if (t + 1) % args.eval_every == 0:
            scores.append(evaluate(policy, args.env, args.seed))
            np.save(f"./results/{args.env}_{args.seed}", scores)
