import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("--data_path", default="data/sample.json")
args = parser.parse_args()

with open(args.data_path) as f:
    records = json.load(f)

prompts = [r["instruction"] + "\n" + r["input"] + "\n" + r["output"] for r in records]
print(len(prompts), "training prompts")
