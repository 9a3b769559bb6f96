"""Scores a fine-tuned checkpoint on the GSM8K test split."""
import argparse
import re

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", default="output")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.checkpoint)
    model = AutoModelForCausalLM.from_pretrained(args.checkpoint)
    test = load_dataset("gsm8k", "main")["test"]
    correct = 0
    for doc in test:
        ids = tokenizer(doc["question"], return_tensors="pt").input_ids
        answer = tokenizer.decode(model.generate(ids, max_new_tokens=256)[0])
        numbers = re.findall(r"-?\d+", answer)
        correct += bool(numbers) and numbers[-1] == doc["answer"].split("####")[-1].strip()
    print(f"accuracy {correct / len(test):.4f}")


if __name__ == "__main__":
    main()
