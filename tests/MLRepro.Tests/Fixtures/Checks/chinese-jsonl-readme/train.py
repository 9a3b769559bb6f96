import argparse
import json

from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments


def read_conversations(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line)["conversation"] for line in f if line.strip()]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_file", default="data/dummy_data.jsonl")
    parser.add_argument("--model_name_or_path", default="Qwen/Qwen2-0.5B")
    args = parser.parse_args()
    tokenizer = AutoTokenizer.from_pretrained(args.model_name_or_path)
    conversations = read_conversations(args.train_file)
    texts = ["".join(t["human"] + t["assistant"] for t in c) for c in conversations]
    dataset = [tokenizer(t, truncation=True, max_length=512) for t in texts]
    model = AutoModelForCausalLM.from_pretrained(args.model_name_or_path)
    Trainer(model=model, train_dataset=dataset, args=TrainingArguments("output", seed=42)).train()
