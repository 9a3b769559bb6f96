import os

import gym

from ppo import PPO

env_name = "CartPole-v1"


def test(episodes=10):
    env = gym.make(env_name, render_mode="human")
    agent = PPO(env.observation_space.shape[0], env.action_space.n)
    agent.load(os.path.join("pretrained", env_name, f"ppo_{env_name}_0.pth"))
    for _ in range(episodes):
        state, _ = env.reset()
        done = False
        while not done:
            state, _, terminated, truncated, _ = env.step(agent.select_action(state))
            done = terminated or truncated


if __name__ == "__main__":
    test()
