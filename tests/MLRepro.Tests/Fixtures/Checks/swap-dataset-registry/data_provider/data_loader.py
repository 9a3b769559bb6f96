import os

import numpy as np
import pandas as pd
from torch.utils.data import Dataset


class Dataset_Hourly(Dataset):
    def __init__(self, root_path, flag="train", size=None, data_path="hourly.csv", target="OT"):
        self.seq_len, self.pred_len = size or (96, 24)
        self.flag = flag
        self.target = target
        self.root_path = root_path
        self.data_path = data_path
        self.__read_data__()

    def __read_data__(self):
        df_raw = pd.read_csv(os.path.join(self.root_path, self.data_path))
        self.data = df_raw.drop(columns=["date"]).to_numpy(dtype=np.float32)

    def __len__(self):
        return len(self.data) - self.seq_len - self.pred_len + 1

    def __getitem__(self, i):
        return self.data[i:i + self.seq_len], self.data[i + self.seq_len:i + self.seq_len + self.pred_len]


class Dataset_Custom(Dataset):
    def __init__(self, root_path, flag="train", size=None, data_path="custom.csv", target="OT"):
        self.seq_len, self.pred_len = size or (96, 24)
        self.flag = flag
        self.target = target
        self.root_path = root_path
        self.data_path = data_path
        self.__read_data__()

    def __read_data__(self):
        df_raw = pd.read_csv(os.path.join(self.root_path, self.data_path))
        cols = [c for c in df_raw.columns if c not in ("date", self.target)]
        self.data = df_raw[cols + [self.target]].to_numpy(dtype=np.float32)

    def __len__(self):
        return len(self.data) - self.seq_len - self.pred_len + 1

    def __getitem__(self, i):
        return self.data[i:i + self.seq_len], self.data[i + self.seq_len:i + self.seq_len + self.pred_len]
