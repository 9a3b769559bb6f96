"""Trains a linear model and appends epoch, loss and accuracy to a per-run CSV log."""
import argparse
import csv
import os

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--name", default="0", type=str)
parser.add_argument("--seed", default=0, type=int)
parser.add_argument("--epochs", default=5, type=int)
args = parser.parse_args()
torch.manual_seed(args.seed)

if not os.path.isdir("results"):
    os.mkdir("results")
logname = "results/log_" + args.name + "_" + str(args.seed) + ".csv"
with open(logname, "w") as logfile:
    csv.writer(logfile, delimiter=",").writerow(["epoch", "train loss", "test acc"])

model = torch.nn.Linear(10, 2)
optimizer = torch.optim.SGD(model.parameters(), lr=0.1)
for epoch in range(args.epochs):
    x, y = torch.randn(32, 10), torch.randint(0, 2, (32,))
    loss = torch.nn.functional.cross_entropy(model(x), y)
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    acc = (model(x).argmax(1) == y).float().mean().item()
    with open(logname, "a") as logfile:
        csv.writer(logfile, delimiter=",").writerow([epoch, loss.item(), acc])
