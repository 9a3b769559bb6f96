import argparse

import torch
from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForSeq2Seq, Trainer, TrainingArguments

PROMPT = "Below is an instruction that describes a task. Write a response that completes the request.\n\n### Instruction:\n{instruction}\n\n### Response:\n"


def parse_args():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base_model", default="huggyllama/llama-7b")
    parser.add_argument("--data_path", default="data/code_alpaca_20k.json")
    parser.add_argument("--output_dir", default="./checkpoints")
    parser.add_argument("--cutoff_len", type=int, default=512)
    parser.add_argument("--num_epochs", type=int, default=3)
    parser.add_argument("--learning_rate", type=float, default=2e-5)
    return parser.parse_args()


def main():
    args = parse_args()
    model = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.bfloat16)
    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    tokenizer.pad_token_id = 0

    def generate_and_tokenize_prompt(example):
        text = PROMPT.format(instruction=example["instruction"]) + example["output"]
        tokens = tokenizer(text, truncation=True, max_length=args.cutoff_len)
        tokens["labels"] = tokens["input_ids"].copy()
        return tokens

    data = load_dataset("json", data_files=args.data_path)["train"].map(generate_and_tokenize_prompt)
    trainer = Trainer(
        model=model,
        train_dataset=data,
        args=TrainingArguments(output_dir=args.output_dir, num_train_epochs=args.num_epochs, learning_rate=args.learning_rate, report_to="none"),
        data_collator=DataCollatorForSeq2Seq(tokenizer, return_tensors="pt", padding=True),
    )
    trainer.train()
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
