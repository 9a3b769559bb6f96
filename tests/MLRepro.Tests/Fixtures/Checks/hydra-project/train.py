import hydra
import torch
from omegaconf import DictConfig


@hydra.main(config_path="conf", config_name="config", version_base=None)
def main(cfg: DictConfig) -> None:
    torch.manual_seed(cfg.seed)
    model = torch.nn.Linear(4, cfg.model.hidden)
    opt = torch.optim.SGD(model.parameters(), lr=cfg.train.lr)
    for _ in range(cfg.train.epochs):
        opt.step()


if __name__ == "__main__":
    main()
