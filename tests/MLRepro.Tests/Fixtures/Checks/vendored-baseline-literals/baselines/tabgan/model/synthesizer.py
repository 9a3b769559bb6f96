import torch
from sklearn.mixture import BayesianGaussianMixture


class Synthesizer:
    def __init__(self, epochs=150):
        self.epochs = epochs

    def fit(self, data):
        self.modes = BayesianGaussianMixture(n_components=10, max_iter=100, weight_concentration_prior=0.001).fit(data)
        generator = torch.nn.Linear(data.shape[1], data.shape[1])
        optimizer = torch.optim.Adam(generator.parameters(), lr=2e-4, weight_decay=1e-5)
        return generator, optimizer
