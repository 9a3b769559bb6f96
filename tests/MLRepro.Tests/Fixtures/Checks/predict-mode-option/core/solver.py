import os

import torch
import torch.nn as nn
from torchvision.utils import save_image

from core.checkpoint import CheckpointIO


class Solver(nn.Module):
    def __init__(self, args):
        super().__init__()
        self.args = args
        self.generator = nn.Conv2d(3, 3, 3, padding=1)
        self.ckptio = CheckpointIO(os.path.join(args.checkpoint_dir, '{:06d}_nets.ckpt'), generator=self.generator)

    def train(self, loader):
        optim = torch.optim.Adam(self.generator.parameters(), lr=self.args.lr)
        for step, (x, _) in enumerate(loader):
            loss = self.generator(x).abs().mean()
            optim.zero_grad()
            loss.backward()
            optim.step()
            if step % 1000 == 0:
                self.ckptio.save(step)

    @torch.no_grad()
    def sample(self, src, ref):
        self.ckptio.load(self.args.resume_iter)
        os.makedirs(self.args.result_dir, exist_ok=True)
        for i, ((x_src, _), (x_ref, _)) in enumerate(zip(src, ref)):
            save_image(self.generator(x_src) + x_ref, os.path.join(self.args.result_dir, '%04d.jpg' % i))
