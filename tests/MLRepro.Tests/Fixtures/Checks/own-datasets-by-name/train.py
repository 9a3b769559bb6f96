"""Fine-tune a ResNet on one of the project's datasets."""
import argparse

import torch
import torch.nn.functional as F
import torchvision
import torchvision.transforms as T

import datasets

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="Skin")
parser.add_argument("--data_root", default="/data/skin")
parser.add_argument("--epochs", type=int, default=5)
args = parser.parse_args()

ds = getattr(datasets, args.dataset)
train_set = ds(args.data_root, split="train", transform=T.Compose([T.Resize(224), T.ToTensor()]))
loader = torch.utils.data.DataLoader(train_set, batch_size=32, shuffle=True)
model = torchvision.models.resnet18(num_classes=2)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for epoch in range(args.epochs):
    for x, y in loader:
        opt.zero_grad()
        F.cross_entropy(model(x), y).backward()
        opt.step()
torch.save(model.state_dict(), "model.pt")
