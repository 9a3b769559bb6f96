"""Trains the clip classifier on features extracted to data/train_features.csv (prepared from the competition data)."""
import pandas as pd
import torch

df = pd.read_csv("data/train_features.csv")
x = torch.tensor(df.drop(columns=["label"]).values, dtype=torch.float32)
y = torch.tensor(df["label"].values, dtype=torch.float32)
torch.manual_seed(0)
model = torch.nn.Linear(x.shape[1], 1)
opt = torch.optim.Adam(model.parameters(), lr=1e-3)
for _ in range(10):
    loss = torch.nn.functional.binary_cross_entropy_with_logits(model(x).squeeze(1), y)
    opt.zero_grad()
    loss.backward()
    opt.step()
torch.save(model.state_dict(), "weights/classifier_fold0")
