import argparse

import numpy as np
import torch
import zero

import lib


def train(data_path, steps, lr, batch_size, noise_std, seed=0):
    zero.improve_reproducibility(seed)
    X = np.load(data_path + "X_train.npy")
    net = torch.nn.Linear(X.shape[1], 1)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    for _ in range(steps):
        idx = np.random.choice(len(X), batch_size)
        xb = torch.from_numpy(X[idx]).float()
        xb = xb + noise_std * torch.randn_like(xb)
        loss = net(xb).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(net.state_dict(), "model.pt")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", required=True)
    args = parser.parse_args()
    cfg = lib.load_config(args.config)
    history = []
    with lib.keep_rng_state(history):
        train(cfg["data_path"], **cfg["train"], seed=cfg["seed"])


if __name__ == "__main__":
    main()
