import sys

import numpy as np
import torch
from torch.utils.data import DataLoader


def main(video_dir):
    frames = np.load(f"{video_dir}/frames.npy")
    loader = DataLoader(frames, batch_size=1, shuffle=False)
    for i, frame in enumerate(loader):
        np.save(f"{video_dir}/crop_{i}.npy", frame.numpy()[0, :32, :32])


if __name__ == "__main__":
    main(sys.argv[1])
