import os

from PIL import Image
from torch.utils import data


class StreetScenes(data.Dataset):
    def __init__(self, root, split="train"):
        self.images_dir = os.path.join(root, "leftImg8bit", split)
        self.targets_dir = os.path.join(root, "gtFine", split)
        self.images = sorted(os.listdir(self.images_dir))

    def __getitem__(self, index):
        image = Image.open(os.path.join(self.images_dir, self.images[index])).convert("RGB")
        target = Image.open(os.path.join(self.targets_dir, self.images[index].replace("_leftImg8bit", "_gtFine_labelIds")))
        return image, target

    def __len__(self):
        return len(self.images)
