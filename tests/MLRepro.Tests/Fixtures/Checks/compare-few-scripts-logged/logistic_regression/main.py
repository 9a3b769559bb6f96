import torch
from torch import nn


def main():
    torch.manual_seed(0)
    x = torch.randn(64, 1)
    y = (x > 0).float()
    model = nn.Sequential(nn.Linear(1, 1), nn.Sigmoid())
    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
    for epoch in range(20):
        loss = nn.functional.binary_cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        print(f"epoch {epoch} loss {loss.item():.4f}")


if __name__ == "__main__":
    main()
