import argparse

import torch
import torch.nn as nn


def parse_option():
    parser = argparse.ArgumentParser("contrastive pretraining")
    parser.add_argument("--batch_size", type=int, default=256)
    parser.add_argument("--learning_rate", type=float, default=0.05)
    return parser.parse_args()


def set_model(opt):
    model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 128))
    if torch.cuda.is_available():
        model = model.cuda()
    return model


def main():
    opt = parse_option()
    model = set_model(opt)
    torch.save(model.state_dict(), "save/supcon_last.pth")


if __name__ == "__main__":
    main()
