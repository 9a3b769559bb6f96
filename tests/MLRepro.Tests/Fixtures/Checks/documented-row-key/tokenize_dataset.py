import argparse
import json

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("--jsonl_path", required=True)
parser.add_argument("--save_path", required=True)
parser.add_argument("--max_seq_length", type=int, default=512)
args = parser.parse_args()

tokens = []
with open(args.jsonl_path) as f:
    for line in f:
        tokens.extend(ord(c) % 256 for c in json.loads(line)["text"])
n = len(tokens) // args.max_seq_length
np.save(args.save_path, np.array(tokens[: n * args.max_seq_length]).reshape(n, args.max_seq_length))
