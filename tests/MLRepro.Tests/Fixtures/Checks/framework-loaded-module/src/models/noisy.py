import numpy as np


class NoisyRegressor:
    """Adds Gaussian input noise during fitting (augmentation)."""

    def __init__(self, noise: float):
        self.noise = noise
        self.coef_ = None

    def fit(self, x, y):
        x = x + np.random.normal(scale=self.noise, size=x.shape)
        self.coef_ = np.linalg.lstsq(x, y, rcond=None)[0]
        return self
