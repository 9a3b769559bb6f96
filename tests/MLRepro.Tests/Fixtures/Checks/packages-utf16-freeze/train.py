"""Trains a small policy-value regressor on rollouts from a PyBullet task and logs progress to Fluentd."""
import argparse

import gym
import numpy as np
import pandas as pd
import pybullet_envs  # noqa: F401  (registers the Bullet environments with gym)
import torch
from fluent import sender
from sklearn.linear_model import Ridge


def rollouts(env_id, episodes, seed):
    env = gym.make(env_id)
    env.seed(seed)
    rows = []
    for _ in range(episodes):
        obs, done, ret = env.reset(), False, 0.0
        while not done:
            obs, reward, done, _ = env.step(env.action_space.sample())
            ret += reward
            rows.append({"obs_norm": float(np.linalg.norm(obs)), "return": ret})
    return pd.DataFrame(rows)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--env-id", default="HopperBulletEnv-v0")
    parser.add_argument("--episodes", type=int, default=5)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    frame = rollouts(args.env_id, args.episodes, args.seed)
    model = Ridge().fit(frame[["obs_norm"]], frame["return"])
    logger = sender.FluentSender("rl", host="localhost", port=24224)
    logger.emit("fit", {"r2": float(model.score(frame[["obs_norm"]], frame["return"]))})


if __name__ == "__main__":
    main()
