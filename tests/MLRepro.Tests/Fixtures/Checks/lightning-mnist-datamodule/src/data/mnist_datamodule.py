from typing import Optional

from lightning import LightningDataModule
from torch.utils.data import DataLoader, random_split
from torchvision.datasets import MNIST
from torchvision.transforms import transforms


class MNISTDataModule(LightningDataModule):
    """MNIST, downloaded on first use into data_dir."""

    def __init__(self, data_dir: str = "data/", batch_size: int = 64, num_workers: int = 0):
        super().__init__()
        self.save_hyperparameters(logger=False)
        self.transforms = transforms.Compose([transforms.ToTensor()])
        self.data_train: Optional[object] = None

    def prepare_data(self) -> None:
        MNIST(self.hparams.data_dir, train=True, download=True)
        MNIST(self.hparams.data_dir, train=False, download=True)

    def setup(self, stage: Optional[str] = None) -> None:
        trainset = MNIST(self.hparams.data_dir, train=True, transform=self.transforms)
        self.data_train, self.data_val = random_split(trainset, [55_000, 5_000])

    def train_dataloader(self) -> DataLoader:
        return DataLoader(self.data_train, batch_size=self.hparams.batch_size, num_workers=self.hparams.num_workers)
