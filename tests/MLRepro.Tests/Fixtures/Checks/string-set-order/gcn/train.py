import argparse

import numpy as np
import torch

from utils import load_data

parser = argparse.ArgumentParser()
parser.add_argument("--seed", type=int, default=42)
parser.add_argument("--epochs", type=int, default=200)
args = parser.parse_args()

np.random.seed(args.seed)
torch.manual_seed(args.seed)

features, labels = load_data()
model = torch.nn.Linear(features.shape[1], labels.shape[1])
optimizer = torch.optim.Adam(model.parameters(), lr=0.01)
x = torch.tensor(features)
y = torch.tensor(labels.argmax(1))
for epoch in range(args.epochs):
    optimizer.zero_grad()
    loss = torch.nn.functional.cross_entropy(model(x), y)
    loss.backward()
    optimizer.step()
