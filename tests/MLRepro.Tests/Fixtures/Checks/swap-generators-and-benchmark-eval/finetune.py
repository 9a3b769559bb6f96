"""Supervised fine-tuning on instruction records (instruction/input/output) read from --data_path."""
import argparse
import json

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer


def load_records(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model_name", default="gpt2")
    parser.add_argument("--data_path", required=True, help="JSON list of {instruction, input, output} records")
    parser.add_argument("--epochs", type=int, default=1)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModelForCausalLM.from_pretrained(args.model_name)
    records = load_records(args.data_path)
    optimizer = torch.optim.AdamW(model.parameters(), lr=2e-5)
    for _ in range(args.epochs):
        for rec in records:
            text = rec["instruction"] + "\n" + rec.get("input", "") + "\n" + rec["output"]
            batch = tokenizer(text, return_tensors="pt", truncation=True, max_length=512)
            loss = model(**batch, labels=batch["input_ids"]).loss
            loss.backward()
            optimizer.step()
            optimizer.zero_grad()
    model.save_pretrained("output")


if __name__ == "__main__":
    main()
