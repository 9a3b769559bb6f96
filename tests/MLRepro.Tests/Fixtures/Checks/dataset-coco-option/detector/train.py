import argparse

import torch

from detector.model import Darknet


def run():
    parser = argparse.ArgumentParser(description="Trains the YOLO model.")
    parser.add_argument("-d", "--data", type=str, default="config/coco.data", help="Path to data config file (.data)")
    parser.add_argument("-e", "--epochs", type=int, default=30)
    args = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = Darknet("config/yolov3.cfg").to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(args.epochs):
        optimizer.zero_grad()
        torch.save(model.state_dict(), f"checkpoints/yolov3_ckpt_{epoch}.pth")


if __name__ == "__main__":
    run()
