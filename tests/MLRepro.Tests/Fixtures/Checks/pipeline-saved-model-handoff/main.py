import os

import gym
import torch

from agent.arguments import get_args
from agent.model import Policy


def main():
    args = get_args()
    torch.manual_seed(args.seed)
    env = gym.make(args.env_name)
    policy = Policy(env.observation_space.shape[0], env.action_space.n)
    optim = torch.optim.Adam(policy.parameters(), lr=args.lr)
    obs, _ = env.reset(seed=args.seed)
    for step in range(int(args.num_env_steps)):
        logits = policy(torch.as_tensor(obs, dtype=torch.float32))
        action = torch.distributions.Categorical(logits=logits).sample()
        obs, reward, done, truncated, _ = env.step(action.item())
        loss = -reward * torch.log_softmax(logits, -1)[action]
        optim.zero_grad()
        loss.backward()
        optim.step()
        if done or truncated:
            obs, _ = env.reset()
        if step % 100000 == 0:
            os.makedirs(args.save_dir, exist_ok=True)
            torch.save(policy, os.path.join(args.save_dir, args.env_name + ".pt"))


if __name__ == "__main__":
    main()
