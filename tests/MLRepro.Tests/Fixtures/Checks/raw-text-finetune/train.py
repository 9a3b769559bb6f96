import argparse

import torch
from datasets import Dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments


def load_samples(path):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    return [s.strip() for s in text.split("\n\n\n") if s.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", required=True)
    parser.add_argument("--model", default="gpt2")
    parser.add_argument("--output", default="lora/adapter")
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model)
    tokenizer.pad_token = tokenizer.eos_token
    samples = load_samples(args.data)
    dataset = Dataset.from_dict({"text": samples}).map(lambda b: tokenizer(b["text"], truncation=True, max_length=256), batched=True)
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(args.model), LoraConfig(r=8, lora_alpha=16, task_type="CAUSAL_LM"))
    trainer = Trainer(model=model, train_dataset=dataset, args=TrainingArguments(args.output, num_train_epochs=3, seed=42))
    trainer.train()
    model.save_pretrained(args.output)


if __name__ == "__main__":
    torch.manual_seed(42)
    main()
