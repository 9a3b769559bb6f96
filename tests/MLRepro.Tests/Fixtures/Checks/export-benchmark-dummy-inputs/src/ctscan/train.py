import random

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset

from ctscan.model import ScanClassifier

SEED = 42


def set_seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def main() -> None:
    set_seed(SEED)
    images = torch.load("data/processed/train_images.pt")
    labels = torch.load("data/processed/train_labels.pt")
    loader = DataLoader(TensorDataset(images, labels), batch_size=32, shuffle=True)
    model = ScanClassifier()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(5):
        for x, y in loader:
            loss = torch.nn.functional.cross_entropy(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), "models/model.pt")


if __name__ == "__main__":
    main()
