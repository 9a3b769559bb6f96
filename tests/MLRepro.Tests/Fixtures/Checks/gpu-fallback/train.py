import torch

device = "cuda" if torch.cuda.is_available() else "cpu"
torch.manual_seed(1)
weights = torch.zeros(3, device=device)
