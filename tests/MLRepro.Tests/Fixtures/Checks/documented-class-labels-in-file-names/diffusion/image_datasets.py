import os

import numpy as np
from PIL import Image
from torch.utils.data import DataLoader, Dataset


def list_image_files(data_dir):
    results = []
    for entry in sorted(os.listdir(data_dir)):
        full = os.path.join(data_dir, entry)
        if entry.split(".")[-1].lower() in ["jpg", "jpeg", "png"]:
            results.append(full)
        elif os.path.isdir(full):
            results.extend(list_image_files(full))
    return results


class ImageDataset(Dataset):
    def __init__(self, resolution, paths, classes=None):
        self.resolution = resolution
        self.paths = paths
        self.classes = classes

    def __len__(self):
        return len(self.paths)

    def __getitem__(self, idx):
        image = Image.open(self.paths[idx]).convert("RGB").resize((self.resolution, self.resolution))
        arr = np.array(image).astype(np.float32) / 127.5 - 1
        out = {} if self.classes is None else {"y": np.array(self.classes[idx], dtype=np.int64)}
        return np.transpose(arr, [2, 0, 1]), out


def load_data(data_dir, batch_size, image_size, class_cond=False):
    files = list_image_files(data_dir)
    classes = None
    if class_cond:
        names = [os.path.basename(p).split("_")[0] for p in files]
        index = {x: i for i, x in enumerate(sorted(set(names)))}
        classes = [index[x] for x in names]
    loader = DataLoader(ImageDataset(image_size, files, classes), batch_size=batch_size, shuffle=True, drop_last=True)
    while True:
        yield from loader
