import gridworld_env
import numpy as np
import torch
from sklearn.preprocessing import StandardScaler

if __name__ == "__main__":
    env = gridworld_env.make("Maze-v0")
    obs = StandardScaler().fit_transform(np.random.default_rng(0).normal(size=(8, 4)))
    print(env, torch.as_tensor(obs).shape)
