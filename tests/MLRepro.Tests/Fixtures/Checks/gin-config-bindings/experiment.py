import argparse

import gin
import numpy as np
import torch

from models.nbeats import build, trainer


class Sampler:
    def __init__(self, values):
        self.values = values

    def sample(self, batch_size):
        rows = torch.as_tensor(self.values[:batch_size], dtype=torch.float32)
        return rows[:, :-6], rows[:, -6:]


@gin.configurable
def experiment(repeats, loss):
    data = Sampler(np.load("data/m4.npy"))
    for repeat in range(repeats):
        model = trainer(build(), data)
        torch.save(model.state_dict(), f"storage/{loss}_{repeat}.pt")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--config_path", default="experiments/m4/generic.gin")
    gin.parse_config_file(parser.parse_args().config_path)
    experiment()
