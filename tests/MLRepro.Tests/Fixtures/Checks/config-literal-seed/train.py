import numpy as np
import torch
import yaml

torch.backends.cudnn.benchmark = True


def main():
    params = yaml.safe_load(open("params.yaml"))
    np.random.seed(42)
    torch.manual_seed(42)
    w = torch.randn(3, requires_grad=True)
    opt = torch.optim.SGD([w], lr=params["lr"])
    for _ in range(params["steps"]):
        loss = (w ** 2).sum() + float(np.random.rand())
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
