import pandas as pd
import torch
from torch.utils.data import DataLoader, TensorDataset


def loaders(data, augment, batch_size, seed):
    frames = [pd.read_csv(data["train"]), pd.read_csv(data["valid"])]
    sets = [TensorDataset(torch.tensor(f.drop(columns=["label"]).values, dtype=torch.float32), torch.tensor(f["label"].values)) for f in frames]
    print(augment, data["image_size"], data["num_workers"], data["mean"], data["std"])
    g = torch.Generator().manual_seed(seed)
    return DataLoader(sets[0], batch_size=batch_size, shuffle=True, generator=g), DataLoader(sets[1], batch_size=256)
