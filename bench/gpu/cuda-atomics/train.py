"""A seeded PyTorch training on the GPU whose one source of nondeterminism is CUDA's float atomics.

Every random number is seeded, so on a CPU two runs are bit-identical. On a GPU, index_add_ sums with
atomicAdd, whose order changes from run to run; the features, hence the weights and the loss, differ in
their last bits. This is the nondeterminism that seeding alone does not remove.
"""
import json

import torch

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
