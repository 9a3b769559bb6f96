import argparse

import torch
import torch.nn as nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-model", required=True)
    parser.add_argument("-output", default="pred.txt")
    opt = parser.parse_args()
    model = nn.Transformer(d_model=512, nhead=8)
    model.load_state_dict(torch.load(opt.model, map_location="cpu"))
    model.eval()
    with open(opt.output, "w") as f:
        f.write("")


if __name__ == "__main__":
    main()
