"""Train a small character-level GPT. Override any global below with a config file or --key=value."""
import os

import numpy as np
import torch

out_dir = "out"
eval_interval = 250
batch_size = 12
block_size = 64
dataset = "tinytext"
learning_rate = 1e-3
max_iters = 2000
seed = 1337
exec(open("configurator.py").read())  # overrides from the command line or a config file

torch.manual_seed(seed)
np.random.seed(seed)
data_dir = os.path.join("data", dataset)


def get_batch(split):
    # re-open the memmap every batch to avoid a memory leak
    name = "train.bin" if split == "train" else "val.bin"
    data = np.memmap(os.path.join(data_dir, name), dtype=np.uint16, mode="r")
    ix = torch.randint(len(data) - block_size, (batch_size,))
    x = torch.stack([torch.from_numpy(data[i : i + block_size].astype(np.int64)) for i in ix])
    y = torch.stack([torch.from_numpy(data[i + 1 : i + 1 + block_size].astype(np.int64)) for i in ix])
    return x, y


for it in range(max_iters):
    xb, yb = get_batch("train")
