"""Asks a chat model for more questions in the style of the seed file."""
import json

seeds = []
with open("seed_questions.jsonl", encoding="utf-8") as f:
    for line in f:
        seeds.append(json.loads(line)["question"])

with open("generated_questions.jsonl", "w", encoding="utf-8") as out:
    for q in seeds:
        out.write(json.dumps({"question": q + " (variant)"}) + "\n")
