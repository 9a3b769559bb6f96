"""LoRA fine-tuning: the arguments come from config.py, the adapters are created before the Trainer is built."""
import argparse

from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, Trainer

from config import get_training_args


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", default="gpt2")
    parser.add_argument("--data", default="data.json")
    parser.add_argument("--lr", type=float, default=3e-4)
    args = parser.parse_args()
    training_args = get_training_args("out", args.lr)
    model = AutoModelForCausalLM.from_pretrained(args.model)
    model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, task_type="CAUSAL_LM"))
    data = load_dataset("json", data_files=args.data)
    trainer = Trainer(model=model, args=training_args, train_dataset=data["train"])
    trainer.train()


if __name__ == "__main__":
    main()
