import argparse

import torch
import torchvision
import torchvision.transforms as transforms

parser = argparse.ArgumentParser(description="PyTorch CIFAR10 Training")
parser.add_argument("--lr", default=0.1, type=float)
parser.add_argument("--dataset", default="cifar10")
args = parser.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
trainset = torchvision.datasets.CIFAR10(root="./data", train=True, download=True, transform=transforms.ToTensor())
trainloader = torch.utils.data.DataLoader(trainset, batch_size=128, shuffle=True)
net = torch.nn.Sequential(torch.nn.Flatten(), torch.nn.Linear(3 * 32 * 32, 10)).to(device)
optimizer = torch.optim.SGD(net.parameters(), lr=args.lr)
for epoch in range(10):
    for inputs, targets in trainloader:
        optimizer.zero_grad()
        loss = torch.nn.functional.cross_entropy(net(inputs.to(device)), targets.to(device))
        loss.backward()
        optimizer.step()
torch.save(net.state_dict(), "checkpoint/ckpt.pth")
