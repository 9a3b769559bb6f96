"""Trains a small image classifier, or predicts the class of an image file: `python main.py --image cat.png`."""
import argparse

import torch
import torch.nn as nn
from PIL import Image
from torchvision import transforms

parser = argparse.ArgumentParser()
parser.add_argument("--epochs", type=int, default=2)
parser.add_argument("--image", type=str, default=None, help="classify this image with the saved model instead of training")
args = parser.parse_args()

model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 10))
to_tensor = transforms.Compose([transforms.Resize((32, 32)), transforms.ToTensor()])


def predict(path):
    model.load_state_dict(torch.load("model.pt"))
    with torch.no_grad():
        return model(to_tensor(Image.open(path).convert("RGB")).unsqueeze(0)).argmax(1).item()


if args.image:
    print(predict(args.image))
else:
    torch.manual_seed(0)
    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)
    for epoch in range(args.epochs):
        loss = nn.functional.cross_entropy(model(torch.randn(16, 3, 32, 32)), torch.randint(0, 10, (16,)))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), "model.pt")
