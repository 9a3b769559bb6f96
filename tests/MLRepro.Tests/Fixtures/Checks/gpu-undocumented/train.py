import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Linear(10, 2).cuda()
x = torch.randn(64, 10).cuda()
loss = model(x).sum()
loss.backward()
torch.save(model.state_dict(), "model.pt")
