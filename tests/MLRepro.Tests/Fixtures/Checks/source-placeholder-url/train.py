import argparse
import json

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--data_path", required=True)
parser.add_argument("--epochs", type=int, default=3)
args = parser.parse_args()

torch.manual_seed(0)
with open(args.data_path) as f:
    rows = [json.loads(line) for line in f]
x = torch.tensor([r["x"] for r in rows], dtype=torch.float32)
y = torch.tensor([r["y"] for r in rows], dtype=torch.float32)
w = torch.zeros(1, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.1)
for _ in range(args.epochs):
    loss = ((w * x - y) ** 2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
print(float(w))
