import time

import torch
import torch.nn as nn

from utils import init_linear, progress, score


def main():
    torch.manual_seed(0)
    model = nn.Linear(4, 2)
    model.apply(init_linear)
    x = torch.randn(8, 4)
    y = torch.randint(0, 2, (8,))
    start = time.time()
    for step in range(3):
        pred = model(x).argmax(1)
        progress(step, 3, start)
    print(score(y.numpy(), pred.numpy()))


if __name__ == "__main__":
    main()
