"""Builds prompt/answer pairs from an instruction file (the training loop itself is elided in this fixture)."""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("--data_path", default="data/instructions.json")
args = parser.parse_args()

with open(args.data_path) as f:
    records = json.load(f)
pairs = [(r["prompt"] + "\n" + r["context"], r["answer"]) for r in records]
print(len(pairs))
