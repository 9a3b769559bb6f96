"""Fine-tune with the settings of the YAML file given on the command line."""
import sys

import torch
import yaml


def train(path):
    cfg = yaml.safe_load(open(path))
    torch.manual_seed(cfg["seed"])
    model = torch.nn.Linear(cfg["seq_len"], cfg["lora"]["rank"])
    opt = torch.optim.AdamW(model.parameters(), lr=cfg["optim"]["lr"], weight_decay=cfg["optim"]["weight_decay"])
    for step in range(cfg["max_steps"]):
        loss = model(torch.randn(cfg["batch_size"], cfg["seq_len"])).pow(2).mean()
        loss.backward()
        opt.step()
        opt.zero_grad()
    torch.save(model.state_dict(), cfg["run_dir"] + "/model.pt")


if __name__ == "__main__":
    train(sys.argv[1])
