import argparse

import torch

from detector.model import Darknet


def run():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=300)
    parser.add_argument("--data", type=str, default="config/coco.data")
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = Darknet("config/yolov3.cfg").to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(args.epochs):
        optimizer.zero_grad()
    torch.save(model.state_dict(), f"checkpoints/ckpt_{epoch}.pth")


if __name__ == "__main__":
    run()
