import argparse

from datasets import load_from_disk
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments, set_seed


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--dataset_path", required=True)
    parser.add_argument("--base_model", default="model_path/base")
    parser.add_argument("--lora_rank", type=int, default=8)
    parser.add_argument("--learning_rate", type=float, default=1e-4)
    parser.add_argument("--output_dir", default="output")
    parser.add_argument("--seed", type=int, default=42)
    args = parser.parse_args()

    set_seed(args.seed)
    tokenizer = AutoTokenizer.from_pretrained(args.base_model)
    tokenizer.pad_token = tokenizer.eos_token
    model = AutoModelForCausalLM.from_pretrained(args.base_model)
    model = get_peft_model(model, LoraConfig(r=args.lora_rank, task_type="CAUSAL_LM"))
    ds = load_from_disk(args.dataset_path).map(lambda r: tokenizer(r["text"], truncation=True, max_length=128), remove_columns=["text"])
    trainer = Trainer(model=model, train_dataset=ds, args=TrainingArguments(output_dir=args.output_dir, learning_rate=args.learning_rate, num_train_epochs=1))
    trainer.train()
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
