import numpy as np
import torch

from models.net import Net


def test_shapes():
    x = torch.tensor(np.random.rand(3, 4), dtype=torch.float32)
    assert Net()(x).shape == (3, 2)
