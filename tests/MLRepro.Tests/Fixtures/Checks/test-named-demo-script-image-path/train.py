import argparse
import glob

import numpy as np
import torch
from PIL import Image

from networks import DepthNet


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", required=True)
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--lr", type=float, default=1e-4)
    args = parser.parse_args()
    torch.manual_seed(0)
    model = DepthNet()
    optimizer = torch.optim.Adam(model.parameters(), lr=args.lr)
    files = sorted(glob.glob(args.data_path + "/*.png"))
    for epoch in range(args.epochs):
        for f in files:
            x = torch.from_numpy(np.asarray(Image.open(f), dtype=np.float32) / 255.0).permute(2, 0, 1)[None]
            loss = (model(x) - x.mean(1, keepdim=True)).abs().mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        print("epoch", epoch, "loss", loss.item())
    torch.save(model.state_dict(), "models/depth.pth")


if __name__ == "__main__":
    main()
