"""QLoRA-style fine-tuning: the adapters are initialised before the seed is set."""
import argparse

import torch
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments, set_seed


def build_model(name):
    model = AutoModelForCausalLM.from_pretrained(name, torch_dtype=torch.bfloat16)
    config = LoraConfig(r=16, lora_alpha=32, lora_dropout=0.05, task_type="CAUSAL_LM")
    return get_peft_model(model, config)


def train():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="EleutherAI/pythia-70m")
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    model = build_model(args.model)
    set_seed(args.seed)
    dataset = torch.load("data/tokenized.pt")
    trainer = Trainer(model=model, args=TrainingArguments(output_dir="out", seed=args.seed), train_dataset=dataset)
    trainer.train()


if __name__ == "__main__":
    train()
