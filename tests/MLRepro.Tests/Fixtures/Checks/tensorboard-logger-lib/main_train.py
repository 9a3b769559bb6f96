import argparse

import tensorboard_logger as tb_logger
import torch
from torch import nn


def parse_option():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--learning_rate", type=float, default=0.05)
    opt = parser.parse_args()
    opt.tb_folder = "./save/tensorboard/lr_{}".format(opt.learning_rate)
    return opt


def main():
    opt = parse_option()
    logger = tb_logger.Logger(logdir=opt.tb_folder, flush_secs=2)
    model = nn.Linear(8, 2)
    optimizer = torch.optim.SGD(model.parameters(), lr=opt.learning_rate)
    x, y = torch.randn(256, 8), torch.randint(0, 2, (256,))
    for epoch in range(1, opt.epochs + 1):
        loss = nn.functional.cross_entropy(model(x), y)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        logger.log_value("loss", loss.item(), epoch)
        logger.log_value("learning_rate", optimizer.param_groups[0]["lr"], epoch)


if __name__ == "__main__":
    main()
