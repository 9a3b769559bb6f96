import os

from PIL import Image
from torch.utils import data


class PascalSegmentation(data.Dataset):
    def __init__(self, root, image_set="train"):
        self.root = os.path.expanduser(root)
        base = os.path.join(self.root, "PascalDevkit")
        with open(os.path.join(base, "splits", image_set + ".txt")) as f:
            names = [x.strip() for x in f.readlines()]
        self.images = [os.path.join(base, "JPEGImages", n + ".jpg") for n in names]
        self.masks = [os.path.join(base, "SegmentationClass", n + ".png") for n in names]

    def __getitem__(self, index):
        img = Image.open(self.images[index]).convert("RGB")
        target = Image.open(self.masks[index])
        return img, target

    def __len__(self):
        return len(self.images)
