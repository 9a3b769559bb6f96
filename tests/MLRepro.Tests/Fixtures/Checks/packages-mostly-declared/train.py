import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import torch
from sklearn.model_selection import train_test_split
from tqdm import tqdm

SEED = 42


def main():
    np.random.seed(SEED)
    torch.manual_seed(SEED)
    df = pd.read_csv("data/train.csv")
    x = torch.tensor(df.drop(columns=["target"]).values, dtype=torch.float32)
    y = torch.tensor(df["target"].values, dtype=torch.float32)
    x_tr, x_va, y_tr, y_va = train_test_split(x, y, test_size=0.2, random_state=SEED)
    model = torch.nn.Linear(x.shape[1], 1)
    opt = torch.optim.SGD(model.parameters(), lr=0.01)
    losses = []
    for epoch in tqdm(range(100)):
        opt.zero_grad()
        loss = torch.nn.functional.mse_loss(model(x_tr).squeeze(1), y_tr)
        loss.backward()
        opt.step()
        losses.append(loss.item())
    plt.plot(losses)
    plt.savefig("loss.png")


if __name__ == "__main__":
    main()
