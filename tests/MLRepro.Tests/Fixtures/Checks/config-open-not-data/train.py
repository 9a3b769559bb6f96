import argparse
import glob

import numpy as np
import yaml


def latest_shard():
    # whatever the last preprocessing run left behind
    return sorted(glob.glob("**/*.npy", recursive=True))[-1]


parser = argparse.ArgumentParser()
parser.add_argument("--config", default="configs/base.yaml", help="experiment config")
args = parser.parse_args()
with open(args.config) as f:
    cfg = yaml.safe_load(f)

X = np.load(latest_shard())
lr = cfg["train"]["lr"]
