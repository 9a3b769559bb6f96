import argparse

import torch
import torch.nn as nn


def parse_option():
    parser = argparse.ArgumentParser("linear evaluation")
    parser.add_argument("--ckpt", type=str, default="save/supcon_last.pth")
    parser.add_argument("--batch_size", type=int, default=256)
    return parser.parse_args()


def set_model(opt):
    model = nn.Sequential(nn.Flatten(), nn.Linear(3 * 32 * 32, 128))
    classifier = nn.Linear(128, 10)
    state_dict = torch.load(opt.ckpt, map_location="cpu")

    if torch.cuda.is_available():
        if torch.cuda.device_count() > 1:
            model = nn.DataParallel(model)
        model = model.cuda()
        classifier = classifier.cuda()
        model.load_state_dict(state_dict)
    else:
        raise NotImplementedError("This code requires GPU")

    return model, classifier


def main():
    opt = parse_option()
    set_model(opt)


if __name__ == "__main__":
    main()
