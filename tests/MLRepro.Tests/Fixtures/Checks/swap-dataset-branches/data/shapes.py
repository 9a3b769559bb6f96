import os

from PIL import Image
from torch.utils import data


class TinyShapes(data.Dataset):
    def __init__(self, root, train=True):
        split = "train" if train else "test"
        with open(os.path.join(root, "shapes_" + split + ".txt")) as f:
            self.files = [os.path.join(root, line.strip()) for line in f]

    def __getitem__(self, index):
        return Image.open(self.files[index]).convert("RGB")

    def __len__(self):
        return len(self.files)
