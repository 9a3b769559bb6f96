import argparse
import json
import os
import random

import numpy as np
import torch
from torch.utils.data import DataLoader, TensorDataset


def load_config(path):
    with open(path) as f:
        return json.load(f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    parser.add_argument("--fold", type=int, default=0)
    parser.add_argument("--seed", type=int, default=777)
    parser.add_argument("--data-dir", default="data")
    parser.add_argument("--prefix", default="")
    args = parser.parse_args()
    conf = load_config(args.config)

    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)

    x = torch.from_numpy(np.load(os.path.join(args.data_dir, f"fold{args.fold}_x.npy"))).float()
    y = torch.from_numpy(np.load(os.path.join(args.data_dir, f"fold{args.fold}_y.npy"))).float()
    loader = DataLoader(TensorDataset(x, y), batch_size=conf["batch_size"], shuffle=True)
    model = torch.nn.Linear(x.shape[1], 1)
    opt_conf = conf["optimizer"]
    optimizer = torch.optim.SGD(model.parameters(), lr=opt_conf["learning_rate"], momentum=opt_conf["momentum"], weight_decay=opt_conf["weight_decay"])
    for _ in range(conf["epochs"]):
        for xb, yb in loader:
            loss = torch.nn.functional.binary_cross_entropy_with_logits(model(xb).squeeze(1), yb)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), f"{args.prefix}{conf['network']}_{conf['encoder']}_{conf['size']}_{conf['fp16']}.pt")


if __name__ == "__main__":
    main()
