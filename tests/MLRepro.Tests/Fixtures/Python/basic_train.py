"""A small training script in the style of many research repositories."""
import argparse
import os
import random

import numpy as np
import torch
import torch.nn as nn
from sklearn.ensemble import RandomForestClassifier as RF
from sklearn.model_selection import train_test_split

SEED = 42
EPOCHS = 10


def set_seed(seed: int = SEED) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    os.environ["PYTHONHASHSEED"] = str(seed)
    torch.backends.cudnn.deterministic = True
    torch.backends.cudnn.benchmark = False


class Net(nn.Module):
    def __init__(self, hidden=32):
        super().__init__()
        self.fc = nn.Linear(4, hidden)

    def forward(self, x):
        return torch.relu(self.fc(x))


def main():
    parser = argparse.ArgumentParser(description="train")
    parser.add_argument("--lr", type=float, default=0.01, help="learning rate")
    parser.add_argument("--epochs", type=int, default=EPOCHS)
    parser.add_argument("-s", "--seed", dest="seed", type=int, default=SEED)
    args = parser.parse_args()
    set_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    X = rng.normal(size=(100, 4))
    y = (X[:, 0] > 0).astype(int)
    X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=args.seed)
    clf = RF(n_estimators=100, random_state=args.seed)
    clf.fit(X_train, y_train)
    print(f"accuracy: {clf.score(X_test, y_test):.3f}")
    g = torch.Generator().manual_seed(0)
    loader = torch.utils.data.DataLoader(list(range(10)), batch_size=2, shuffle=True, generator=g)
    for _ in loader:
        pass


if __name__ == "__main__":
    main()
