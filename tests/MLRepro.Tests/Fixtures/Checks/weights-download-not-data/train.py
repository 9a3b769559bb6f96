import argparse
import os

import pandas as pd
import torch

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", required=True)
    args = parser.parse_args()
    labels = pd.read_csv(os.path.join(args.data_dir, "train_curated.csv"))
    model = torch.nn.Linear(128, labels.shape[1])
    torch.save(model.state_dict(), "model.pth")
