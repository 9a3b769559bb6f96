import argparse

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--input", default="words.txt")
args = parser.parse_args()

with open(args.input) as f:
    words = f.read().splitlines()
chars = sorted(set("".join(words)))
torch.manual_seed(0)
table = torch.zeros(len(chars) + 1, len(chars) + 1)
