"""A tiny MLP on synthetic data; saves the state_dict (and a copy under another name) and the loss curve."""
import json
import os

import numpy as np
import torch
import yaml
from torch import nn

cfg = yaml.safe_load(open("config.yaml"))
torch.manual_seed(cfg["seed"])
np.random.seed(cfg["seed"])
torch.set_num_threads(1)

X = torch.randn(256, 8)
y = (X[:, :2].sum(dim=1, keepdim=True) > 0).float()

model = nn.Sequential(nn.Linear(8, cfg["train"]["hidden"]), nn.ReLU(), nn.Linear(cfg["train"]["hidden"], 1))
opt = torch.optim.SGD(model.parameters(), lr=cfg["train"]["lr"])
loss_fn = nn.BCEWithLogitsLoss()
losses = []
for epoch in range(cfg["train"]["epochs"]):
    for i in range(0, len(X), cfg["train"]["batch_size"]):
        xb, yb = X[i:i + cfg["train"]["batch_size"]], y[i:i + cfg["train"]["batch_size"]]
        opt.zero_grad()
        loss = loss_fn(model(xb), yb)
        loss.backward()
        opt.step()
    losses.append(float(loss))

os.makedirs("out", exist_ok=True)
torch.save(model.state_dict(), "out/model.pt")
torch.save(model.state_dict(), "out/weights_copy.pt")
json.dump({"loss": losses}, open("out/metrics.json", "w"), indent=2)
