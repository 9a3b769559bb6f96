import gym
import numpy


class Game:
    """Wraps the classic-control CartPole simulator for self-play."""

    def __init__(self, seed=None):
        self.env = gym.make("CartPole-v1")
        if seed is not None:
            self.env.seed(seed)

    def step(self, action):
        observation, reward, done, _ = self.env.step(action)
        return numpy.array([[observation]]), reward, done

    def reset(self):
        return numpy.array([[self.env.reset()]])

    def legal_actions(self):
        return list(range(2))
