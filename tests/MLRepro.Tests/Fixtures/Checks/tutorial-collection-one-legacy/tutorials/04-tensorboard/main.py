import torch
import torch.nn as nn

from logger import Logger

torch.manual_seed(0)
logger = Logger("./logs")
model = nn.Linear(10, 2)
loss = nn.functional.cross_entropy(model(torch.randn(8, 10)), torch.randint(0, 2, (8,)))
logger.image_summary("weights", [model.weight.detach().numpy()])
