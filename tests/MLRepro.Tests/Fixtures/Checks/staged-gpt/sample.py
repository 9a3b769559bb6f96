"""Samples from a trained model."""
import os

import torch

out_dir = "out"
start = "\n"  # or "FILE:prompt.txt" to read the prompt from a file
num_samples = 3
max_new_tokens = 200
seed = 1337
device = "cuda"
exec(open("configurator.py").read())

torch.manual_seed(seed)
checkpoint = torch.load(os.path.join(out_dir, "ckpt.pt"), map_location=device)
model = checkpoint["model"]
if start.startswith("FILE:"):
    with open(start[5:], "r", encoding="utf-8") as f:
        start = f.read()
x = torch.tensor([ord(c) % 65 for c in start], dtype=torch.long, device=device)[None, ...]
for k in range(num_samples):
    print(model.generate(x, max_new_tokens))
