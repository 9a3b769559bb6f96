import torch
from torch import nn
from torch.utils.tensorboard import SummaryWriter


def main():
    torch.manual_seed(0)
    writer = SummaryWriter("runs/cnn")
    x = torch.randn(32, 1, 8, 8)
    y = torch.randint(0, 2, (32,))
    model = nn.Sequential(nn.Conv2d(1, 4, 3), nn.Flatten(), nn.Linear(4 * 6 * 6, 2))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for epoch in range(20):
        loss = nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        writer.add_scalar("loss", loss.item(), epoch)
    writer.close()


if __name__ == "__main__":
    main()
