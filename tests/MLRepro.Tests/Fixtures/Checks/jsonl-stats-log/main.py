"""Self-supervised pretraining of a ResNet-50 with a redundancy-reduction loss; one checkpoint folder per run."""
import argparse
import json
import sys
import time
from pathlib import Path

import torch
import torchvision
from torch import nn

parser = argparse.ArgumentParser(description="pretraining")
parser.add_argument("data", type=Path, help="path to the image folder")
parser.add_argument("--epochs", default=100, type=int)
parser.add_argument("--batch-size", default=256, type=int)
parser.add_argument("--lr", default=0.2, type=float)
parser.add_argument("--print-freq", default=50, type=int)
parser.add_argument("--checkpoint-dir", default="./checkpoint/", type=Path)


def off_diagonal(x):
    n = x.shape[0]
    return x.flatten()[:-1].view(n - 1, n + 1)[:, 1:].flatten()


class Model(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = torchvision.models.resnet50()
        self.backbone.fc = nn.Identity()
        self.bn = nn.BatchNorm1d(2048, affine=False)

    def forward(self, y1, y2):
        z1, z2 = self.bn(self.backbone(y1)), self.bn(self.backbone(y2))
        c = z1.T @ z2 / z1.shape[0]
        on_diag = torch.diagonal(c).add_(-1).pow_(2).sum()
        return on_diag + 0.005 * off_diagonal(c).pow_(2).sum()


def main():
    args = parser.parse_args()
    args.checkpoint_dir.mkdir(parents=True, exist_ok=True)
    stats_file = open(args.checkpoint_dir / "stats.txt", "a", buffering=1)
    print(" ".join(sys.argv), file=stats_file)
    model = Model()
    optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9)
    loader = torch.utils.data.DataLoader(torchvision.datasets.ImageFolder(args.data), batch_size=args.batch_size, shuffle=True)
    start = time.time()
    for epoch in range(args.epochs):
        for step, ((y1, y2), _) in enumerate(loader, start=epoch * len(loader)):
            loss = model(y1, y2)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            if step % args.print_freq == 0:
                stats = dict(epoch=epoch, step=step, loss=loss.item(), time=int(time.time() - start))
                print(json.dumps(stats))
                print(json.dumps(stats), file=stats_file)
        torch.save(model.backbone.state_dict(), args.checkpoint_dir / "resnet50.pth")


if __name__ == "__main__":
    main()
