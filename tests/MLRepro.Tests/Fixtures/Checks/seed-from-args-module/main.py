import numpy as np
import torch

from rl.arguments import get_args


def main():
    args = get_args()
    torch.manual_seed(args.seed)
    torch.cuda.manual_seed_all(args.seed)
    np.random.seed(args.seed)
    policy = torch.nn.Linear(4, 2)
    optim = torch.optim.RMSprop(policy.parameters(), lr=args.lr)
    for step in range(args.num_steps):
        obs = torch.from_numpy(np.random.randn(8, 4).astype(np.float32))
        loss = -torch.distributions.Categorical(logits=policy(obs)).sample().float().mean() * args.gamma
        optim.zero_grad()
        loss.requires_grad_(True).backward()
        optim.step()
        print('step', step, 'loss', loss.item())


if __name__ == '__main__':
    main()
