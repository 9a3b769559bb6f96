import os
import os.path as osp
from glob import glob

import numpy as np
import torch.utils.data as data


class FlowPairs(data.Dataset):
    def __init__(self, split="training", root="datasets/FlyingChairs_release/data"):
        images = sorted(glob(osp.join(root, "*.ppm")))
        flows = sorted(glob(osp.join(root, "*.flo")))
        assert len(images) // 2 == len(flows)
        # 1 marks a training pair, 2 a validation pair
        split_list = np.loadtxt("chairs_split.txt", dtype=np.int32)
        self.items = []
        for i in range(len(flows)):
            xid = split_list[i]
            if (split == "training" and xid == 1) or (split == "validation" and xid == 2):
                self.items.append((images[2 * i], images[2 * i + 1], flows[i]))

    def __len__(self):
        return len(self.items)

    def __getitem__(self, index):
        return self.items[index]
