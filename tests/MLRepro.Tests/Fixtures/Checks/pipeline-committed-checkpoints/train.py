import os

import gym

from ppo import PPO

env_name = "CartPole-v1"
max_training_timesteps = int(3e6)
save_model_freq = int(1e5)


def train():
    env = gym.make(env_name)
    agent = PPO(env.observation_space.shape[0], env.action_space.n)
    os.makedirs(os.path.join("pretrained", env_name), exist_ok=True)
    checkpoint_path = os.path.join("pretrained", env_name, f"ppo_{env_name}_0.pth")
    state, _ = env.reset(seed=0)
    for t in range(1, max_training_timesteps + 1):
        state, reward, terminated, truncated, _ = env.step(agent.select_action(state))
        if terminated or truncated:
            state, _ = env.reset()
        if t % save_model_freq == 0:
            agent.save(checkpoint_path)


if __name__ == "__main__":
    train()
