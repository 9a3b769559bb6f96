"""Seeding helper that an external runner calls with the experiment's seed."""
import random

import numpy as np


def seed_all(seed):
    random.seed(seed)
    np.random.seed(seed)


def noisy(n):
    return np.random.normal(size=n) + random.random()
