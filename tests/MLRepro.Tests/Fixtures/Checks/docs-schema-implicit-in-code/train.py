import sys

import yaml
from peft import LoraConfig, get_peft_model
from transformers import AutoModelForCausalLM, AutoTokenizer, Trainer, TrainingArguments

from data_processor.vicuna import VicunaDataProcessor


def main(config_path):
    with open(config_path) as f:
        config = yaml.safe_load(f)
    tokenizer = AutoTokenizer.from_pretrained(config["model_name"])
    model = AutoModelForCausalLM.from_pretrained(config["model_name"], load_in_4bit=True, device_map="auto")
    model = get_peft_model(model, LoraConfig(r=config["lora_r"], lora_alpha=config["lora_alpha"], lora_dropout=config["lora_dropout"], task_type="CAUSAL_LM"))
    data = VicunaDataProcessor(config, tokenizer).get_data()
    args = TrainingArguments(output_dir=config["model_output_dir"], per_device_train_batch_size=config["batch_size"],
                             num_train_epochs=config["num_train_epochs"], learning_rate=config["learning_rate"], seed=42)
    Trainer(model=model, args=args, train_dataset=data).train()
    model.save_pretrained(config["model_output_dir"])


if __name__ == "__main__":
    main(sys.argv[1])
