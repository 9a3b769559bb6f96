import numpy as np

from src.models.noisy import NoisyRegressor


def test_fit():
    x = np.eye(2)
    assert NoisyRegressor(noise=0.0).fit(x, np.ones(2)).coef_.shape == (2,)
