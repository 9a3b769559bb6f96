import yaml
from datasets import load_dataset
from transformers import (AutoModelForCausalLM, AutoTokenizer, DataCollatorForLanguageModeling, Trainer,
                          TrainingArguments, set_seed)


def main():
    cfg = yaml.safe_load(open("configs/train.yaml"))
    set_seed(cfg["seed"])
    tokenizer = AutoTokenizer.from_pretrained(cfg["model_name"])
    tokenizer.pad_token = tokenizer.eos_token
    data = load_dataset("json", data_files=cfg["dataset"])["train"]
    data = data.map(lambda r: tokenizer(r["prompt"] + "\n" + r["response"], truncation=True, max_length=256))
    model = AutoModelForCausalLM.from_pretrained(cfg["model_name"])
    args = TrainingArguments(output_dir=cfg["output_dir"], seed=cfg["seed"], learning_rate=cfg["learning_rate"],
                             num_train_epochs=cfg["num_train_epochs"], per_device_train_batch_size=cfg["per_device_train_batch_size"])
    Trainer(model=model, args=args, train_dataset=data,
            data_collator=DataCollatorForLanguageModeling(tokenizer, mlm=False)).train()
    model.save_pretrained(cfg["output_dir"])
    tokenizer.save_pretrained(cfg["output_dir"])


if __name__ == "__main__":
    main()
