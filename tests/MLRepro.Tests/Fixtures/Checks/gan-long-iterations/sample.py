import torch
import torch.nn as nn

torch.manual_seed(0)
gen = nn.Sequential(nn.Linear(64, 256), nn.ReLU(), nn.Linear(256, 784))
gen.load_state_dict(torch.load("generator.pt"))
with torch.no_grad():
    images = gen(torch.randn(16, 64)).view(16, 28, 28)
torch.save(images, "samples.pt")
