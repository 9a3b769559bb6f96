import os

import torch

device = torch.device(os.environ.get("TRAIN_DEVICE", "cpu"))
use_amp = str(device).startswith("cuda")
torch.manual_seed(11)
model = torch.nn.Linear(8, 2).to(device)
x = torch.randn(16, 8, device=device)
with torch.autocast(device_type=device.type, enabled=use_amp):
    loss = model(x).sum()
loss.backward()
