import hydra
import lightning as L
import torch
from omegaconf import DictConfig
from torch.utils.data import DataLoader, TensorDataset


@hydra.main(version_base="1.3", config_path="../configs", config_name="train.yaml")
def main(cfg: DictConfig) -> None:
    # set seed for random number generators in pytorch, numpy and python.random
    if cfg.get("seed"):
        L.seed_everything(cfg.seed, workers=True)

    model = hydra.utils.instantiate(cfg.model)
    data = TensorDataset(torch.rand(256, 4), torch.rand(256, 1))
    loader = DataLoader(data, batch_size=cfg.batch_size, shuffle=True)
    optimizer = torch.optim.Adam(model.parameters(), lr=model.lr)
    for _ in range(cfg.epochs):
        for x, y in loader:
            loss = torch.nn.functional.mse_loss(model(x), y)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()


if __name__ == "__main__":
    main()
