import argparse
import os

import gym
import numpy as np
import torch

import agent


def evaluate(policy, env_name, seed, episodes=10):
    env = gym.make(env_name)
    total = 0.0
    for _ in range(episodes):
        state, done = env.reset(seed=seed + 100), False
        while not done:
            state, reward, done, _ = env.step(policy.act(np.array(state)))
            total += reward
    avg = total / episodes
    print(f"Evaluation over {episodes} episodes: {avg:.3f}")
    return avg


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--policy", default="SAC")
    parser.add_argument("--env", default="Pendulum-v1")
    parser.add_argument("--seed", default=0, type=int)
    parser.add_argument("--max_steps", default=100000, type=int)
    parser.add_argument("--eval_every", default=5000, type=int)
    args = parser.parse_args()

    run_name = f"{args.policy}_{args.env}_{args.seed}"
    os.makedirs("./results", exist_ok=True)
    torch.manual_seed(args.seed)
    np.random.seed(args.seed)

    env = gym.make(args.env)
    policy = agent.Agent(env.observation_space.shape[0], env.action_space.shape[0])
    scores = [evaluate(policy, args.env, args.seed)]
    state = env.reset(seed=args.seed)
    for t in range(args.max_steps):
        action = policy.act(np.array(state))
        next_state, reward, done, _ = env.step(action)
        policy.observe(state, action, reward, next_state, done)
        state = env.reset() if done else next_state
        if (t + 1) % args.eval_every == 0:
            scores.append(evaluate(policy, args.env, args.seed))
            np.save(f"./results/{run_name}", scores)
