import pytorch_lightning as pl
import torch


class VAEExperiment(pl.LightningModule):
    def __init__(self, vae_model, params):
        super().__init__()
        self.model = vae_model
        self.params = params

    def training_step(self, batch, batch_idx):
        real_img, labels = batch
        results = self.model(real_img, labels=labels)
        train_loss = self.model.loss_function(*results, M_N=self.params["kld_weight"])
        self.log_dict({key: val.item() for key, val in train_loss.items()}, sync_dist=True)
        return train_loss["loss"]

    def validation_step(self, batch, batch_idx):
        real_img, labels = batch
        results = self.model(real_img, labels=labels)
        val_loss = self.model.loss_function(*results, M_N=1.0)
        self.log_dict({f"val_{key}": val.item() for key, val in val_loss.items()}, sync_dist=True)

    def configure_optimizers(self):
        return torch.optim.Adam(self.model.parameters(), lr=self.params["LR"])
