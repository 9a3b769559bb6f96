"""Trains a GPT on data/<dataset>/train.bin; runs on one GPU or with DDP via torchrun."""
import os

import numpy as np
import torch
from torch.distributed import destroy_process_group, init_process_group
from torch.nn.parallel import DistributedDataParallel as DDP

dataset = "shakespeare_char"
batch_size = 12
block_size = 64
max_iters = 2000
learning_rate = 6e-4
seed = 1337
out_dir = "out"
exec(open("configurator.py").read())

ddp = int(os.environ.get("RANK", -1)) != -1
if ddp:
    init_process_group(backend="nccl")
    device = f"cuda:{int(os.environ['LOCAL_RANK'])}"
else:
    device = "cuda"
torch.manual_seed(seed)
data = np.memmap(os.path.join("data", dataset, "train.bin"), dtype=np.uint16, mode="r")
model = torch.nn.Embedding(65, 65).to(device)
if ddp:
    model = DDP(model)
optimizer = torch.optim.AdamW(model.parameters(), lr=learning_rate)
for it in range(max_iters):
    ix = torch.randint(len(data) - block_size, (batch_size,))
    xb = torch.stack([torch.from_numpy(data[i:i + block_size].astype(np.int64)) for i in ix]).to(device)
    loss = model(xb).logsumexp(-1).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
torch.save({"model": model, "iter_num": max_iters}, os.path.join(out_dir, "ckpt.pt"))
if ddp:
    destroy_process_group()
