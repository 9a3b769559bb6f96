import argparse
import os

import numpy as np
import torch
import torch.nn.functional as F
import torchvision.datasets as dset
import torchvision.transforms as trn

parser = argparse.ArgumentParser(description="Trains a CIFAR classifier with outlier exposure")
parser.add_argument("--epochs", type=int, default=100)
parser.add_argument("--batch-size", type=int, default=128)
parser.add_argument("--save", type=str, default="./snapshots")
args = parser.parse_args()

torch.manual_seed(1)
np.random.seed(1)

transform = trn.Compose([trn.RandomHorizontalFlip(), trn.ToTensor()])
# The data lives on the lab's shared file system.
train_data = dset.CIFAR10("/share/data/vision-lab/cifarpy", train=True, transform=transform)
outliers = np.load("/share/data/vision-lab/tiny_images/300K_random_images.npy")

loader = torch.utils.data.DataLoader(train_data, batch_size=args.batch_size, shuffle=True)
model = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(3 * 32 * 32, 10))
optimizer = torch.optim.SGD(model.parameters(), lr=0.1, momentum=0.9)


def train():
    model.train()
    for x, y in loader:
        loss = F.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()


if __name__ == "__main__":
    os.makedirs(args.save, exist_ok=True)
    for epoch in range(args.epochs):
        train()
        torch.save(model.state_dict(), os.path.join(args.save, "model_epoch_%d.pt" % epoch))
