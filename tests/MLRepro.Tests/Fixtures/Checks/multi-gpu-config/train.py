"""Trains a detector with the settings in config.json; `gpus` picks the visible devices."""
import argparse
import json
import os

import torch

parser = argparse.ArgumentParser()
parser.add_argument("-c", "--conf", default="config.json")
args = parser.parse_args()
with open(args.conf) as f:
    config = json.load(f)
os.environ["CUDA_VISIBLE_DEVICES"] = config["train"]["gpus"]
torch.manual_seed(0)
device = "cuda" if torch.cuda.is_available() else "cpu"
model = torch.nn.Conv2d(3, 8, 3).to(device)
opt = torch.optim.Adam(model.parameters(), lr=config["train"]["learning_rate"])
for epoch in range(config["train"]["nb_epochs"]):
    loss = model(torch.rand(config["train"]["batch_size"], 3, 32, 32, device=device)).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
