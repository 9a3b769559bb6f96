import argparse
import json

from tqdm import tqdm

from api_helpers import complete


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=10)
    args = parser.parse_args()
    with open("seed_tasks.jsonl") as f:
        seeds = [json.loads(line) for line in f if line.strip()]
    out = []
    for i in tqdm(range(args.n)):
        seed = seeds[i % len(seeds)]
        out.append({"instruction": complete("Write a task like: " + seed["instruction"])})
    with open("generated_tasks.json", "w") as f:
        json.dump(out, f, indent=2)


if __name__ == "__main__":
    main()
