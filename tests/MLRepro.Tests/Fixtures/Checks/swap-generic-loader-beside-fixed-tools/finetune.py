"""LoRA instruction tuning; the records come from --data_path (a local JSON/JSONL file or a Hub dataset name)."""
import argparse

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments


def build_prompt(rec):
    return f"### Instruction:\n{rec['instruction']}\n### Input:\n{rec.get('input', '')}\n### Response:\n{rec['output']}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base_model", default="gpt2")
    parser.add_argument("--data_path", required=True)
    parser.add_argument("--output_dir", default="lora-out")
    parser.add_argument("--epochs", type=int, default=3)
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    tokenizer.pad_token = tokenizer.eos_token
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(args.base_model), LoraConfig(r=8, lora_alpha=16, task_type="CAUSAL_LM"))

    if args.data_path.endswith(".json") or args.data_path.endswith(".jsonl"):
        data = load_dataset("json", data_files=args.data_path)
    else:
        data = load_dataset(args.data_path)
    train = data["train"].map(lambda rec: tokenizer(build_prompt(rec), truncation=True, max_length=512))

    trainer = Trainer(model=model, train_dataset=train,
                      args=TrainingArguments(output_dir=args.output_dir, num_train_epochs=args.epochs, seed=42))
    trainer.train()
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    torch.manual_seed(42)
    main()
