import numpy as np
import scipy.sparse as sp


def sample_mask(idx, n):
    """Boolean mask selecting the labelled nodes."""
    mask = np.zeros(n)
    mask[idx] = 1
    return np.array(mask, dtype=np.bool)


def random_graph(n, density, seed):
    rng = np.random.RandomState(seed)
    adj = sp.random(n, n, density=density, random_state=rng, format="csr")
    features = rng.rand(n, 16)
    labels = rng.randint(0, 3, n)
    return adj + adj.T, features, labels
