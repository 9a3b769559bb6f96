"""Formats new-task prompts from a file of seed tasks using the prompt template."""
import argparse
import json

parser = argparse.ArgumentParser()
parser.add_argument("--seed_tasks_path", default="seed_tasks.json")
parser.add_argument("--output", default="prompts.jsonl")
args = parser.parse_args()

template = open("prompt.txt").read()
with open(args.seed_tasks_path) as f:
    seeds = json.load(f)
with open(args.output, "w") as out:
    for s in seeds:
        out.write(json.dumps({"prompt": template.format(task=s["task"])}) + "\n")
