import argparse

import torch
from datasets import load_dataset
from peft import LoraConfig, get_peft_model
from transformers import LlamaForCausalLM, LlamaTokenizer, Trainer, TrainingArguments


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", default="sample/instruct.jsonl")
    parser.add_argument("--base_model", default="decapoda-research/llama-7b-hf")
    parser.add_argument("--output_dir", default="lora-out")
    args = parser.parse_args()
    tokenizer = LlamaTokenizer.from_pretrained(args.base_model)
    model = LlamaForCausalLM.from_pretrained(args.base_model, torch_dtype=torch.float16)
    model = get_peft_model(model, LoraConfig(r=8, lora_alpha=16, target_modules=["q_proj", "v_proj"], lora_dropout=0.05))
    data = load_dataset("json", data_files=args.data_path)
    data = data.map(lambda x: tokenizer(x["instruction"] + x["output"], truncation=True, max_length=256))
    trainer = Trainer(model=model, train_dataset=data["train"], args=TrainingArguments(output_dir=args.output_dir, num_train_epochs=3, learning_rate=3e-4, seed=42))
    trainer.train()
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
