import argparse

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from yolo.utils import provide_determinism


def run():
    parser = argparse.ArgumentParser(description="Trains the detector.")
    parser.add_argument("-e", "--epochs", type=int, default=300, help="Number of epochs")
    parser.add_argument("--seed", type=int, default=-1, help="Makes results reproducible. Set -1 to disable.")
    args = parser.parse_args()

    if args.seed != -1:
        provide_determinism(args.seed)

    images = torch.tensor(np.load("data/images.npy"), dtype=torch.float32)
    targets = torch.tensor(np.load("data/targets.npy"), dtype=torch.float32)
    loader = DataLoader(TensorDataset(images, targets), batch_size=16, shuffle=True)
    model = nn.Sequential(nn.Flatten(), nn.Linear(images[0].numel(), targets.shape[1]))
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for _ in range(args.epochs):
        for x, y in loader:
            loss = nn.functional.mse_loss(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), "checkpoints/yolo.pth")


if __name__ == "__main__":
    run()
