import dmc2gym
import gym
import hydra
import imageio
import numpy as np
import torch
from skimage.util.shape import view_as_windows
from termcolor import colored
from torch.utils.tensorboard import SummaryWriter


@hydra.main(config_path="config.yaml", strict=True)
def main(cfg):
    torch.manual_seed(cfg.seed)
    np.random.seed(cfg.seed)
    env = dmc2gym.make(domain_name=cfg.domain, task_name=cfg.task, seed=cfg.seed, visualize_reward=False, from_pixels=True)
    env = gym.wrappers.TimeLimit(env, max_episode_steps=1000)
    writer = SummaryWriter("runs")
    obs = env.reset()
    frames = []
    for step in range(cfg.num_train_steps):
        obs, reward, done, _ = env.step(env.action_space.sample())
        frames.append(view_as_windows(obs, (3, 84, 84))[0, 0, 0])
        writer.add_scalar("reward", reward, step)
        if done:
            obs = env.reset()
    imageio.mimsave("eval.mp4", frames[:100])
    print(colored("done", "green"))


if __name__ == "__main__":
    main()
