import argparse
import json
import os

import torch
import yaml
from torchvision import datasets, transforms

parser = argparse.ArgumentParser(description="Generic runner for VAE models")
parser.add_argument("--config", "-c", dest="filename", default="configs/vae.yaml", help="path to the config file")
parser.add_argument("--ckpt_dir", default="checkpoints/last")
parser.add_argument("--log_file", default="logs/train.log")
args = parser.parse_args()

with open(args.filename) as f:
    config = yaml.safe_load(f)

with open(os.path.join(args.ckpt_dir, "params.json")) as f:
    params = json.load(f)

if os.path.exists(args.log_file):
    with open(args.log_file) as f:
        previous = f.read()



class MyCelebA(datasets.CelebA):
    def _check_integrity(self):
        return True


dataset = MyCelebA("Data/", split="train", download=False, transform=transforms.ToTensor())
loader = torch.utils.data.DataLoader(dataset, batch_size=64, shuffle=True)
for _ in range(config["trainer"]["epochs"]):
    for batch in loader:
        pass
