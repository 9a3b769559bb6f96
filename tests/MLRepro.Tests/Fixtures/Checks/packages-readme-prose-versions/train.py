import argparse

import numpy as np
import torch
import torch.nn as nn
from torchvision import datasets, transforms

parser = argparse.ArgumentParser()
parser.add_argument("--margin", type=float, default=1.0)
parser.add_argument("--epochs", type=int, default=20)
args = parser.parse_args()

mnist = datasets.MNIST("data", train=True, download=True, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(mnist, batch_size=128, shuffle=True)

net = nn.Sequential(nn.Flatten(), nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 2))
loss_fn = nn.TripletMarginLoss(margin=args.margin)
opt = torch.optim.Adam(net.parameters(), lr=1e-3)
for epoch in range(args.epochs):
    losses = []
    for x, y in loader:
        emb = net(x)
        anchor, positive, negative = emb[0::3], emb[1::3], emb[2::3]
        n = min(len(anchor), len(positive), len(negative))
        loss = loss_fn(anchor[:n], positive[:n], negative[:n])
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(loss.item())
    print(f"epoch {epoch}: loss {np.mean(losses):.4f}")
