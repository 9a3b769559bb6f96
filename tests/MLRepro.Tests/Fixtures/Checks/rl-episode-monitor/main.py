import argparse
from collections import deque

import numpy as np
import torch

from agent.envs import make_vec_envs


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--env-name', default='CartPole-v1')
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--num-processes', type=int, default=4)
    parser.add_argument('--log-dir', default='/tmp/gym/')
    parser.add_argument('--num-updates', type=int, default=100)
    args = parser.parse_args()
    torch.manual_seed(args.seed)
    envs = make_vec_envs(args.env_name, args.seed, args.num_processes, args.log_dir)
    obs = envs.reset()
    episode_rewards = deque(maxlen=10)
    for update in range(args.num_updates):
        obs, reward, done, infos = envs.step(np.array([envs.action_space.sample() for _ in range(args.num_processes)]))
        for info in infos:
            if 'episode' in info:
                episode_rewards.append(info['episode']['r'])
        if episode_rewards:
            print('update {} mean reward {:.1f}'.format(update, np.mean(episode_rewards)))


if __name__ == '__main__':
    main()
