"""Trains a small network on the GPU."""
import torch

if __name__ == "__main__":
    torch.manual_seed(0)
    net = torch.nn.Linear(4, 2).cuda()
    x = torch.randn(8, 4).cuda()
    print(net(x).sum().item())
