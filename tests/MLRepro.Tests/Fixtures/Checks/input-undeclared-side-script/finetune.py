import argparse

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

parser = argparse.ArgumentParser()
parser.add_argument("--data_path", type=str, default="sample/data_sample.jsonl")
parser.add_argument("--model_path", type=str, default="gpt2")
parser.add_argument("--output_path", type=str, default="lora-out")
args = parser.parse_args()

tokenizer = AutoTokenizer.from_pretrained(args.model_path)
model = AutoModelForCausalLM.from_pretrained(args.model_path)
data = load_dataset("json", data_files=args.data_path)


def tokenize(example):
    return tokenizer(example["instruction"] + example["input"] + example["output"], truncation=True, max_length=256)


train = data["train"].map(tokenize)
trainer = Trainer(model=model, train_dataset=train, args=TrainingArguments(output_dir=args.output_path, num_train_epochs=3))
trainer.train()
model.save_pretrained(args.output_path)
