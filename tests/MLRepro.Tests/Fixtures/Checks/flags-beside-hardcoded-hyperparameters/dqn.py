import argparse
import random

import gymnasium as gym
import numpy as np
import torch
from torch import nn

LR = 5e-4
GAMMA = 0.99
BATCH_SIZE = 64
HIDDEN_SIZE = 128
NUM_LAYERS = 2
MAX_STEPS = 500
EPOCHS = 300
WEIGHT_DECAY = 1e-5
MOMENTUM = 0.9
DROPOUT = 0.1
WARMUP_STEPS = 1000
GRAD_CLIP = 10.0
PATIENCE = 20
MAX_GRAD_NORM = 1.0


def build(obs, actions):
    layers, width = [], obs
    for _ in range(NUM_LAYERS):
        layers += [nn.Linear(width, HIDDEN_SIZE), nn.ReLU(), nn.Dropout(DROPOUT)]
        width = HIDDEN_SIZE
    return nn.Sequential(*layers, nn.Linear(width, actions))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--env", default="CartPole-v1")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--render", action="store_true")
    args = parser.parse_args()
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    env = gym.make(args.env, render_mode="human" if args.render else None)
    net = build(env.observation_space.shape[0], env.action_space.n)
    opt = torch.optim.SGD(net.parameters(), lr=LR, momentum=MOMENTUM, weight_decay=WEIGHT_DECAY)
    for episode in range(EPOCHS):
        obs, _ = env.reset(seed=args.seed + episode)
        for step in range(MAX_STEPS):
            q = net(torch.as_tensor(obs, dtype=torch.float32))
            obs, reward, done, truncated, _ = env.step(int(q.argmax()))
            loss = (q.max() - reward * GAMMA) ** 2
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(net.parameters(), MAX_GRAD_NORM)
            opt.step()
            if done or truncated:
                break
    torch.save(net.state_dict(), "dqn.pt")


if __name__ == "__main__":
    main()
