import os

import torch
import torch.nn as nn


class Solver(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        torch.manual_seed(args.seed)
        self.net = nn.Sequential(nn.Linear(16, 64), nn.ReLU(), nn.Linear(64, 16))
        self.optim = torch.optim.Adam(self.net.parameters(), lr=args.lr)

    def _ckpt(self, step):
        return os.path.join(self.args.checkpoint_dir, '{:06d}_nets.ckpt'.format(step))

    def train(self):
        start = self.args.resume_iter
        if start > 0:
            self.net.load_state_dict(torch.load(self._ckpt(start)))
        for i in range(start, self.args.total_iters):
            x = torch.randn(32, 16)
            loss = ((self.net(x) - x) ** 2).mean()
            self.optim.zero_grad()
            loss.backward()
            self.optim.step()
            if (i + 1) % 10000 == 0:
                os.makedirs(self.args.checkpoint_dir, exist_ok=True)
                torch.save(self.net.state_dict(), self._ckpt(i + 1))

    @torch.no_grad()
    def sample(self):
        self.net.load_state_dict(torch.load(self._ckpt(self.args.resume_iter)))
        print(self.net(torch.randn(4, 16)))

    @torch.no_grad()
    def evaluate(self):
        self.net.load_state_dict(torch.load(self._ckpt(self.args.resume_iter)))
        x = torch.randn(256, 16)
        print('reconstruction error', float(((self.net(x) - x) ** 2).mean()))
