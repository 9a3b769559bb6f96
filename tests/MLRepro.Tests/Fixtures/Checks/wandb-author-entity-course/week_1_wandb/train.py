import pytorch_lightning as pl
import torch
from pytorch_lightning.loggers import WandbLogger
from torch.utils.data import DataLoader, TensorDataset


class Model(pl.LightningModule):
    def __init__(self):
        super().__init__()
        self.layer = torch.nn.Linear(4, 1)

    def training_step(self, batch, batch_idx):
        x, y = batch
        return torch.nn.functional.mse_loss(self.layer(x), y)

    def configure_optimizers(self):
        return torch.optim.SGD(self.parameters(), lr=0.1)


if __name__ == "__main__":
    pl.seed_everything(42)
    data = TensorDataset(torch.randn(64, 4), torch.randn(64, 1))
    logger = WandbLogger(project="mlops-basics", entity="alice")
    trainer = pl.Trainer(max_epochs=2, logger=logger)
    trainer.fit(Model(), DataLoader(data, batch_size=8))
