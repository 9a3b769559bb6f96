import argparse

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, DataCollatorForSeq2Seq, Trainer, TrainingArguments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--base_model", default="huggyllama/llama-7b")
    parser.add_argument("--data_path", default="data/alpaca_data.json")
    parser.add_argument("--output_dir", default="lora-alpaca")
    parser.add_argument("--num_epochs", type=int, default=3)
    args = parser.parse_args()

    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    tokenizer.pad_token_id = 0
    model = AutoModelForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.float16 if device == "cuda" else torch.float32).to(device)
    model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], lora_dropout=0.05, task_type="CAUSAL_LM"))

    def tokenize(example):
        text = f"### Instruction:\n{example['instruction']}\n\n### Response:\n{example['output']}"
        return tokenizer(text, truncation=True, max_length=256)

    data = load_dataset("json", data_files=args.data_path)["train"].shuffle(seed=42).map(tokenize)
    trainer = Trainer(
        model=model,
        train_dataset=data,
        args=TrainingArguments(output_dir=args.output_dir, num_train_epochs=args.num_epochs, per_device_train_batch_size=4, learning_rate=3e-4, seed=42),
        data_collator=DataCollatorForSeq2Seq(tokenizer, padding=True, return_tensors="pt"),
    )
    trainer.train()
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
