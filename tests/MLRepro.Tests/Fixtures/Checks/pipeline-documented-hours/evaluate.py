import argparse

import pandas as pd
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="Linear")
parser.add_argument("--data", default="ETTh1")


def main():
    args = parser.parse_args()
    df = pd.read_csv(f"dataset/{args.data}.csv")
    x = torch.tensor(df.drop(columns=["date"]).values, dtype=torch.float32)
    model = torch.nn.Linear(x.shape[1], x.shape[1])
    model.load_state_dict(torch.load(f"checkpoints/{args.model}_{args.data}.pth"))
    print(((model(x[:-1]) - x[1:]) ** 2).mean().item())


if __name__ == "__main__":
    main()
