# expect: python.unbalanced-bracket
import torch
torch.manual_seed(0))
y = ]
