"""Study 02: a quick model on the house-prices competition data."""
import pandas as pd
import torch

if __name__ == "__main__":
    df = pd.read_csv("/kaggle/input/house-prices/train_2.csv")
    net = torch.nn.Linear(df.shape[1], 1).cuda()
    df.head().to_csv("submission_2.csv")
