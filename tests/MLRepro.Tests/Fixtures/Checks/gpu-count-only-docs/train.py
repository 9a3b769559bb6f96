import argparse

import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as transforms

parser = argparse.ArgumentParser()
parser.add_argument("--dataset", default="cifar100")
parser.add_argument("--epochs", type=int, default=300)
parser.add_argument("--lr", type=float, default=0.1)
args = parser.parse_args()

torch.manual_seed(0)
trainset = torchvision.datasets.CIFAR100("data", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True, num_workers=4)
model = torchvision.models.resnet18(num_classes=100).cuda()
criterion = nn.CrossEntropyLoss().cuda()
optimizer = torch.optim.SGD(model.parameters(), lr=args.lr, momentum=0.9, weight_decay=5e-4)

for epoch in range(args.epochs):
    for images, labels in loader:
        images, labels = images.cuda(), labels.cuda()
        loss = criterion(model(images), labels)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), "checkpoint.pt")
