"""The project's own datasets: image folders listed in a CSV (path,label)."""
import os

import pandas as pd
from PIL import Image
from torch.utils.data import Dataset


class Skin(Dataset):
    def __init__(self, root, split="train", transform=None):
        self.root = root
        self.items = pd.read_csv(os.path.join(root, split + ".csv"))
        self.transform = transform

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        row = self.items.iloc[i]
        img = Image.open(os.path.join(self.root, row["path"])).convert("RGB")
        return (self.transform(img) if self.transform else img), int(row["label"])
