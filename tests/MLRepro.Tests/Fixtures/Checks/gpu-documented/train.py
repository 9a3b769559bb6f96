import torch
import torch.nn as nn

torch.manual_seed(0)
device = torch.device("cuda")
model = nn.Linear(10, 2).to(device)
