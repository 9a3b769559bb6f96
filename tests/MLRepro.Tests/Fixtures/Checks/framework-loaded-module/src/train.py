import hydra
import numpy as np
from hydra.utils import instantiate
from omegaconf import DictConfig


@hydra.main(version_base=None, config_path="../conf", config_name="config")
def main(cfg: DictConfig) -> None:
    x = np.arange(20, dtype=float).reshape(10, 2)
    y = x.sum(axis=1)
    for _ in range(cfg.epochs):
        model = instantiate(cfg.model).fit(x, y)
    print(model.coef_)


if __name__ == "__main__":
    main()
