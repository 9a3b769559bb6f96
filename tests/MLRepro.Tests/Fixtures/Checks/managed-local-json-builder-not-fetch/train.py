import argparse

from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", required=True)
    parser.add_argument("--model_name", default="gpt2")
    parser.add_argument("--output_dir", default="out")
    args = parser.parse_args()

    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    tokenizer.pad_token = tokenizer.eos_token
    raw = load_dataset("json", data_files=args.data_path, split="train")

    def encode(example):
        text = example["instruction"] + "\n" + example["output"]
        return tokenizer(text, truncation=True, max_length=512)

    data = raw.map(encode, remove_columns=raw.column_names)
    model = get_peft_model(AutoModelForCausalLM.from_pretrained(args.model_name), LoraConfig(r=8, lora_alpha=16))
    trainer = Trainer(model=model, args=TrainingArguments(output_dir=args.output_dir, num_train_epochs=1, seed=0), train_dataset=data)
    trainer.train()
    trainer.save_model(args.output_dir)


if __name__ == "__main__":
    main()
