import argparse
import os

import numpy as np
import torch
import torch.nn as nn
import torchvision.datasets as dset
import torchvision.transforms as transforms

from model import Network

parser = argparse.ArgumentParser("cifar")
parser.add_argument("--data", type=str, default="../data", help="location of the data corpus")
parser.add_argument("--batch_size", type=int, default=96)
parser.add_argument("--learning_rate", type=float, default=0.025)
parser.add_argument("--epochs", type=int, default=600)
parser.add_argument("--seed", type=int, default=0)
parser.add_argument("--save", type=str, default="eval")
parser.add_argument("--cutout", action="store_true", default=False)
parser.add_argument("--auxiliary", action="store_true", default=False)
args = parser.parse_args()


def main():
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    train_transform = transforms.Compose([transforms.RandomCrop(32, padding=4), transforms.RandomHorizontalFlip(), transforms.ToTensor()])
    train_data = dset.CIFAR10(root=args.data, train=True, download=True, transform=train_transform)
    valid_data = dset.CIFAR10(root=args.data, train=False, download=True, transform=transforms.ToTensor())
    train_queue = torch.utils.data.DataLoader(train_data, batch_size=args.batch_size, shuffle=True, num_workers=2)
    valid_queue = torch.utils.data.DataLoader(valid_data, batch_size=args.batch_size, shuffle=False, num_workers=2)

    model = Network()
    criterion = nn.CrossEntropyLoss()
    optimizer = torch.optim.SGD(model.parameters(), args.learning_rate, momentum=0.9, weight_decay=3e-4)
    for epoch in range(args.epochs):
        model.train()
        for inputs, target in train_queue:
            optimizer.zero_grad()
            loss = criterion(model(inputs), target)
            loss.backward()
            optimizer.step()
        model.eval()
        correct = 0
        with torch.no_grad():
            for inputs, target in valid_queue:
                correct += (model(inputs).argmax(1) == target).sum().item()
        print(f"epoch {epoch} valid_acc {correct / len(valid_data):.4f}")

    os.makedirs(args.save, exist_ok=True)
    torch.save(model.state_dict(), os.path.join(args.save, "weights.pt"))


if __name__ == "__main__":
    main()
