"""Fine-tunes a wavelet-feature classifier on ECG windows with PyTorch Lightning and saves the best checkpoint."""
import argparse

import numpy as np
import pytorch_lightning as pl
import pywt
import torch
from lightning_fabric.utilities.seed import seed_everything
from torch import nn
from torch.utils.data import DataLoader, TensorDataset


def wavelet_features(signal, wavelet="db4", level=3):
    coeffs = pywt.wavedec(signal, wavelet, level=level)
    return np.concatenate([np.array([c.mean(), c.std()]) for c in coeffs])


class Classifier(pl.LightningModule):
    def __init__(self, n_features, lr):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_features, 64), nn.ReLU(), nn.Linear(64, 2))
        self.lr = lr

    def training_step(self, batch, batch_idx):
        x, y = batch
        loss = nn.functional.cross_entropy(self.net(x), y)
        self.log("train_loss", loss)
        return loss

    def configure_optimizers(self):
        return torch.optim.Adam(self.parameters(), lr=self.lr)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/windows.npz")
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--epochs", type=int, default=20)
    args = parser.parse_args()
    seed_everything(42)
    raw = np.load(args.data)
    x = np.stack([wavelet_features(s) for s in raw["signals"]]).astype("float32")
    ds = TensorDataset(torch.from_numpy(x), torch.from_numpy(raw["labels"]).long())
    model = Classifier(x.shape[1], args.lr)
    trainer = pl.Trainer(max_epochs=args.epochs, logger=False)
    trainer.fit(model, DataLoader(ds, batch_size=64, shuffle=True))
    trainer.save_checkpoint("models/classifier.ckpt")


if __name__ == "__main__":
    main()
