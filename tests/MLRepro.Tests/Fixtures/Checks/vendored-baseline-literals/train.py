import argparse

import numpy as np
import tomli
import torch


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    cfg = tomli.load(open(parser.parse_args().config, "rb"))
    torch.manual_seed(cfg["seed"])
    np.random.seed(cfg["seed"])
    X = torch.from_numpy(np.load(cfg["data_path"] + "X_train.npy")).float()
    layers, width = [], X.shape[1]
    for d in cfg["model"]["d_layers"]:
        layers += [torch.nn.Linear(width, d), torch.nn.ReLU(), torch.nn.Dropout(cfg["model"]["dropout"])]
        width = d
    net = torch.nn.Sequential(*layers, torch.nn.Linear(width, X.shape[1]))
    opt = torch.optim.AdamW(net.parameters(), lr=cfg["train"]["lr"], weight_decay=cfg["train"]["weight_decay"])
    for step in range(cfg["train"]["steps"]):
        idx = torch.randint(0, len(X), (cfg["train"]["batch_size"],))
        t = torch.randint(0, cfg["model"]["num_timesteps"], (len(idx), 1)).float()
        loss = (net(X[idx] + t * 1e-3) - X[idx]).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(net.state_dict(), "model.pt")


if __name__ == "__main__":
    main()
