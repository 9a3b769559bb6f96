import argparse
import random

import numpy as np
import torch
from torch import nn

from data_provider.data_factory import data_provider

parser = argparse.ArgumentParser(description="Linear forecasting")
parser.add_argument("--data", type=str, default="hourly", help="dataset type: hourly or custom")
parser.add_argument("--root_path", type=str, default="./dataset/", help="root folder of the data file")
parser.add_argument("--data_path", type=str, default="hourly.csv", help="data file")
parser.add_argument("--target", type=str, default="OT")
parser.add_argument("--seq_len", type=int, default=96)
parser.add_argument("--pred_len", type=int, default=24)
parser.add_argument("--batch_size", type=int, default=32)
parser.add_argument("--seed", type=int, default=2021)
args = parser.parse_args()

random.seed(args.seed)
np.random.seed(args.seed)
torch.manual_seed(args.seed)

train_set, train_loader = data_provider(args, "train")
model = nn.Linear(args.seq_len, args.pred_len)
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
for x, y in train_loader:
    loss = nn.functional.mse_loss(model(x.transpose(1, 2)), y.transpose(1, 2))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
