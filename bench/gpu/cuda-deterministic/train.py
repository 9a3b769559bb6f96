"""The same seeded PyTorch training on the GPU as cuda-atomics, made deterministic.

torch.use_deterministic_algorithms(True) switches index_add_ to a deterministic kernel (and makes any op
without one raise), CUBLAS_WORKSPACE_CONFIG fixes cuBLAS's reduction order, and cuDNN autotuning is off.
"""
import json
import os

os.environ.setdefault("CUBLAS_WORKSPACE_CONFIG", ":4096:8")

import torch

torch.use_deterministic_algorithms(True)
torch.backends.cudnn.benchmark = False

torch.manual_seed(0)
torch.cuda.manual_seed_all(0)
device = torch.device("cuda")

n, bins = 2_000_000, 256
values = torch.randn(n, device=device)
index = torch.randint(0, bins, (n,), device=device)
features = torch.zeros(bins, device=device).index_add_(0, index, values)
x = features.repeat(512, 1) + torch.randn(512, bins, device=device)
y = x.sum(dim=1, keepdim=True)

model = torch.nn.Sequential(torch.nn.Linear(bins, 64), torch.nn.ReLU(), torch.nn.Linear(64, 1)).to(device)
optimizer = torch.optim.SGD(model.parameters(), lr=1e-4)
for _ in range(50):
    optimizer.zero_grad()
    loss = torch.nn.functional.mse_loss(model(x), y)
    loss.backward()
    optimizer.step()

torch.save(model.state_dict(), "model.pt")
with open("metrics.json", "w") as f:
    json.dump({"loss": loss.item(), "feature_sum": features.sum().item()}, f)
