import argparse

from datasets import load_dataset
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer, TrainingArguments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_file", required=True)
    parser.add_argument("--validation_file", required=True)
    parser.add_argument("--model_name", default="gpt2")
    parser.add_argument("--block_size", type=int, default=512)
    args = parser.parse_args()

    data = load_dataset("csv", data_files={"train": args.train_file, "validation": args.validation_file})
    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    tokenizer.pad_token = tokenizer.eos_token
    tokenized = data.map(lambda b: tokenizer(b["text"], truncation=True, max_length=args.block_size), batched=True, remove_columns=["text"])
    model = AutoModelForCausalLM.from_pretrained(args.model_name)
    trainer = Trainer(
        model=model,
        args=TrainingArguments(output_dir="out", num_train_epochs=1, seed=42),
        train_dataset=tokenized["train"],
        eval_dataset=tokenized["validation"],
        data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False),
    )
    trainer.train()


if __name__ == "__main__":
    main()
