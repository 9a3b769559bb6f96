import os

import torch
from PIL import Image
from torch._utils import _accumulate
from torch.utils.data import Dataset, Subset


class WordImages(Dataset):
    def __init__(self, root, labels):
        with open(labels) as f:
            self.items = [line.split() for line in f if line.strip()]
        self.root = root

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        name, word = self.items[i]
        img = Image.open(os.path.join(self.root, name)).convert("L")
        return torch.tensor(list(img.getdata()), dtype=torch.float32) / 255.0, word


def ordered_split(dataset, lengths):
    # Consecutive, unshuffled subsets (the first n for training, the rest for validation).
    return [Subset(dataset, range(offset - length, offset)) for offset, length in zip(_accumulate(lengths), lengths)]
