"""Data wrappers for the face experiments."""
import os

from torch.utils.data import DataLoader
from torchvision import transforms
from torchvision.datasets import ImageFolder


class FaceImages(ImageFolder):
    """
    Aligned and cropped face images, 64x64 after the centre crop.

    Download the archive by hand and unzip it under the data root first:
    URL : https://drive.google.com/file/d/1q7ZkR2mWbVx3TnLpQe9YsHa4GfUjDc0K/view?usp=sharing
    """

    def __init__(self, root, split="train"):
        # Original release page: https://www.kaggle.com/datasets/someuser/aligned-faces
        tf = transforms.Compose([transforms.CenterCrop(148), transforms.Resize(64), transforms.ToTensor()])
        super().__init__(os.path.join(root, split), transform=tf)


def loader(root, batch_size, split="train"):
    return DataLoader(FaceImages(root, split), batch_size=batch_size, shuffle=split == "train", num_workers=4)
