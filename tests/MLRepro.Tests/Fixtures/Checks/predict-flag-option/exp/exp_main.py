"""Training, testing and forecasting for the linear model."""
import os

import numpy as np
import pandas as pd
import torch


class Linear(torch.nn.Module):
    def __init__(self, seq_len, pred_len):
        super().__init__()
        self.proj = torch.nn.Linear(seq_len, pred_len)

    def forward(self, x):
        return self.proj(x.permute(0, 2, 1)).permute(0, 2, 1)


class ExpMain:
    def __init__(self, args):
        self.args = args
        self.model = Linear(args.seq_len, args.pred_len)

    def _series(self):
        frame = pd.read_csv(os.path.join(self.args.root_path, self.args.data_path))
        return torch.tensor(frame[[self.args.target]].values, dtype=torch.float32)

    def _windows(self, series):
        n = len(series) - self.args.seq_len - self.args.pred_len + 1
        xs = torch.stack([series[i:i + self.args.seq_len] for i in range(n)])
        ys = torch.stack([series[i + self.args.seq_len:i + self.args.seq_len + self.args.pred_len] for i in range(n)])
        return xs, ys

    def train(self, setting):
        xs, ys = self._windows(self._series())
        optim = torch.optim.Adam(self.model.parameters(), lr=self.args.learning_rate)
        for _ in range(self.args.train_epochs):
            loss = torch.nn.functional.mse_loss(self.model(xs), ys)
            optim.zero_grad()
            loss.backward()
            optim.step()
        path = os.path.join(self.args.checkpoints, setting)
        os.makedirs(path, exist_ok=True)
        torch.save(self.model.state_dict(), os.path.join(path, "checkpoint.pth"))

    def test(self, setting):
        xs, ys = self._windows(self._series())
        with torch.no_grad():
            print("mse:", torch.nn.functional.mse_loss(self.model(xs), ys).item())

    def predict(self, setting, load=False):
        if load:
            path = os.path.join(self.args.checkpoints, setting, "checkpoint.pth")
            self.model.load_state_dict(torch.load(path))
        series = self._series()
        with torch.no_grad():
            future = self.model(series[-self.args.seq_len:].unsqueeze(0))[0]
        folder = os.path.join("./results", setting)
        os.makedirs(folder, exist_ok=True)
        np.save(os.path.join(folder, "real_prediction.npy"), future.numpy())
