import io

import lmdb
import numpy as np
import torch
from PIL import Image

CHARS = "0123456789abcdefghijklmnopqrstuvwxyz"


class LmdbDataset(torch.utils.data.Dataset):
    def __init__(self, root):
        self.env = lmdb.open(root, readonly=True, lock=False)
        with self.env.begin() as txn:
            self.n = int(txn.get(b"num-samples"))

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        with self.env.begin() as txn:
            image = Image.open(io.BytesIO(txn.get(f"image-{i:09d}".encode()))).convert("L").resize((100, 32))
            label = txn.get(f"label-{i:09d}".encode()).decode()
        target = torch.zeros(25, dtype=torch.long)
        ids = [CHARS.index(c) + 1 for c in label.lower() if c in CHARS][:25]
        target[: len(ids)] = torch.tensor(ids, dtype=torch.long)
        return torch.from_numpy(np.asarray(image, dtype=np.float32) / 255.0)[None], target, len(ids)
