"""Data loading with explicitly seeded generators (one stream per process)."""
import os

import torch
from torch.utils.data import DataLoader, distributed

RANK = int(os.getenv("RANK", -1))


class EpochSampler(distributed.DistributedSampler):
    """Shuffles deterministically from the sampler's seed and the epoch."""

    def __iter__(self):
        g = torch.Generator()
        g.manual_seed(self.seed + self.epoch)
        return iter(torch.randperm(len(self.dataset), generator=g).tolist())


def make_loader(dataset, batch_size, seed=0):
    sampler = EpochSampler(dataset, shuffle=True)
    generator = torch.Generator()
    generator.manual_seed(6148914691236517205 + seed + RANK)
    return DataLoader(dataset, batch_size=batch_size, shuffle=True, generator=generator), sampler


def holdout(dataset):
    return torch.utils.data.random_split(dataset, [0.9, 0.1], generator=torch.Generator().manual_seed(42))
