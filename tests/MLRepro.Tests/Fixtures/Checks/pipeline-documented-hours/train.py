import argparse

import pandas as pd
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="Linear")
parser.add_argument("--data", default="ETTh1")
parser.add_argument("--epochs", type=int, default=10)


def main():
    args = parser.parse_args()
    df = pd.read_csv(f"dataset/{args.data}.csv")
    x = torch.tensor(df.drop(columns=["date"]).values, dtype=torch.float32)
    model = torch.nn.Linear(x.shape[1], x.shape[1])
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(args.epochs):
        loss = ((model(x[:-1]) - x[1:]) ** 2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(model.state_dict(), f"checkpoints/{args.model}_{args.data}.pth")


if __name__ == "__main__":
    main()
