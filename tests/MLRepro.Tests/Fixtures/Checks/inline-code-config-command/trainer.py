import argparse
import glob
import os

import numpy as np
import torch

from utils.hparams import HParam


class Generator(torch.nn.Module):
    def __init__(self, n_mels, hop_length):
        super().__init__()
        self.up = torch.nn.ConvTranspose1d(n_mels, 1, kernel_size=hop_length * 2, stride=hop_length, padding=hop_length // 2)

    def forward(self, mel):
        return torch.tanh(self.up(mel))


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", type=str, required=True, help="yaml file for configuration")
    parser.add_argument("-n", "--name", type=str, required=True, help="name of the run")
    parser.add_argument("-d", "--data_path", type=str, default="data", help="folder of preprocessed mels")
    args = parser.parse_args()
    hp = HParam(args.config)

    torch.manual_seed(0)
    model = Generator(hp.audio.n_mels, hp.audio.hop_length)
    optimizer = torch.optim.Adam(model.parameters(), lr=hp.train.lr)
    mels = [torch.from_numpy(np.load(p)).float() for p in glob.glob(os.path.join(args.data_path, "*.mel.npy"))]
    for epoch in range(hp.train.epochs):
        for start in range(0, len(mels), hp.train.batch_size):
            batch = mels[start:start + hp.train.batch_size]
            loss = sum(model(m.unsqueeze(0)).abs().mean() for m in batch)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    os.makedirs("chkpt", exist_ok=True)
    torch.save(model.state_dict(), os.path.join("chkpt", args.name + ".pt"))
