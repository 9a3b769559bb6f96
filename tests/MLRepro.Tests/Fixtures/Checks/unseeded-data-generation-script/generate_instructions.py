"""Builds the instruction data with a hosted LLM: picks three seed tasks as examples per request (the result is committed as data/instructions.json)."""
import json
import random

import requests

API_URL = "https://api.example.com/v1/completions"


def main():
    seed_tasks = [json.loads(line) for line in open("data/seed_tasks.jsonl")]
    generated = []
    for _ in range(200):
        examples = random.sample(seed_tasks, 3)
        prompt = "\n\n".join(t["instruction"] for t in examples) + "\n\nWrite a new instruction:"
        reply = requests.post(API_URL, json={"prompt": prompt, "temperature": 1.0}, timeout=60).json()
        generated.append({"instruction": reply["text"].strip(), "output": ""})
    json.dump(generated, open("data/instructions.json", "w"), indent=1)


if __name__ == "__main__":
    main()
