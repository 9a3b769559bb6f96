import numpy as np

from utils import random_graph, sample_mask

SEED = 123
HIDDEN = 16
EPOCHS = 200


def main():
    np.random.seed(SEED)
    adj, features, labels = random_graph(200, 0.02, SEED)
    train_mask = sample_mask(range(40), 200)
    weights = np.random.randn(features.shape[1], HIDDEN)
    for epoch in range(EPOCHS):
        hidden = np.maximum(adj.dot(features).dot(weights), 0)
        loss = float(np.mean(hidden[train_mask]))
        weights -= 0.01 * loss
    print("loss", loss)


if __name__ == "__main__":
    main()
