"""Trains a small MLP and logs to W&B when it is installed."""
import numpy as np
import torch
import yaml

from src.loggers.wandb_logger import init_logger


def download_extra_data(url):
    # Only needed for the optional extended dataset.
    from six.moves import urllib

    return urllib.request.urlopen(url).read()


def main():
    with open("params.yaml") as f:
        params = yaml.safe_load(f)
    torch.manual_seed(params["seed"])
    np.random.seed(params["seed"])
    logger = init_logger()
    model = torch.nn.Linear(4, 1)
    loss = model(torch.randn(8, 4)).pow(2).mean()
    if logger is not None:
        logger.log({"loss": loss.item()})


if __name__ == "__main__":
    main()
