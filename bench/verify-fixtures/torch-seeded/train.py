"""Trains a small MLP classifier on synthetic tabular data and saves its weights (seeded: reproducible).

Sized so a run takes a few seconds on one core: the benchmark's pipeline of known length T.
The number of epochs can be given as the first argument (default 6).
"""
import json
import os
import sys

import numpy as np
import torch
from torch import nn

SEED = 1234
EPOCHS = int(sys.argv[1]) if len(sys.argv) > 1 else 6
torch.manual_seed(SEED)
np.random.seed(SEED)
torch.set_num_threads(1)

n, d = 8192, 32
X = torch.from_numpy(np.random.randn(n, d).astype(np.float32))
w_true = torch.randn(d, 1)
y = ((X @ w_true).squeeze(1) + 0.3 * torch.randn(n) > 0).long()

model = nn.Sequential(nn.Linear(d, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 2))
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = nn.CrossEntropyLoss()
history = []
for epoch in range(EPOCHS):
    perm = torch.randperm(n)
    for i in range(0, n, 64):
        idx = perm[i:i + 64]
        opt.zero_grad()
        loss = loss_fn(model(X[idx]), y[idx])
        loss.backward()
        opt.step()
    with torch.no_grad():
        acc = (model(X).argmax(1) == y).float().mean().item()
    history.append({"epoch": epoch, "loss": float(loss), "acc": acc})

os.makedirs("out", exist_ok=True)
torch.save(model.state_dict(), "out/model.pt")
with open("out/metrics.json", "w") as f:
    json.dump({"final_acc": history[-1]["acc"], "history": history}, f, indent=2)
