import argparse

import torch
import torch.nn as nn
import torchvision
import torchvision.transforms as T

from models import build


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--path_t", required=True, help="teacher checkpoint")
    parser.add_argument("--model_s", default="resnet20")
    parser.add_argument("--epochs", type=int, default=240, help="number of training epochs")
    opt = parser.parse_args()
    torch.manual_seed(0)
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    teacher = build("resnet56").to(device)
    teacher.load_state_dict(torch.load(opt.path_t, map_location=device))
    student = build(opt.model_s).to(device)
    data = torch.utils.data.DataLoader(torchvision.datasets.CIFAR100("data", train=True, download=True, transform=T.ToTensor()), batch_size=64, shuffle=True)
    optimizer = torch.optim.SGD(student.parameters(), lr=0.05, momentum=0.9)
    for _ in range(opt.epochs):
        for x, y in data:
            x, y = x.to(device), y.to(device)
            with torch.no_grad():
                soft = teacher(x).softmax(1)
            out = student(x)
            loss = nn.functional.cross_entropy(out, y) + nn.functional.kl_div(out.log_softmax(1), soft, reduction="batchmean")
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save(student.state_dict(), f"save/models/{opt.model_s}_student.pth")


if __name__ == "__main__":
    main()
