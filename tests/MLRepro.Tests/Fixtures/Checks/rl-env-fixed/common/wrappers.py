import gym
import numpy as np


class ScaledFloatFrame(gym.ObservationWrapper):
    def observation(self, observation):
        return np.array(observation).astype(np.float32) / 255.0


def make_env(env_id):
    env = gym.make(env_id)
    return ScaledFloatFrame(env)
