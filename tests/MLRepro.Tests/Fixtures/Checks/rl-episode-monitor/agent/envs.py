import os

import gym
from stable_baselines3.common.monitor import Monitor
from stable_baselines3.common.vec_env import DummyVecEnv


def make_env(env_id, seed, rank, log_dir):
    def _thunk():
        env = gym.make(env_id)
        env.seed(seed + rank)
        if log_dir is not None:
            env = Monitor(env, os.path.join(log_dir, str(rank)), allow_early_resets=False)
        return env

    return _thunk


def make_vec_envs(env_id, seed, num_processes, log_dir):
    return DummyVecEnv([make_env(env_id, seed, i, log_dir) for i in range(num_processes)])
