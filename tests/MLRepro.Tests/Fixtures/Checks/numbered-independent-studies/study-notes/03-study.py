"""Study 03: a quick model on the spaceship-titanic competition data."""
import pandas as pd
import torch

if __name__ == "__main__":
    df = pd.read_csv("/kaggle/input/spaceship-titanic/train_3.csv")
    net = torch.nn.Linear(df.shape[1], 1).cuda()
    df.head().to_csv("submission_3.csv")
