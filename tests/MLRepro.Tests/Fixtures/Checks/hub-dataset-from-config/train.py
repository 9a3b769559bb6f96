import argparse

import yaml
from transformers import AutoModelForCausalLM, Trainer, TrainingArguments

from loaders.dialogue import DialogueLoader


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("config_path")
    args = parser.parse_args()
    with open(args.config_path) as f:
        config = yaml.safe_load(f)
    dataset = DialogueLoader(config).load()
    model = AutoModelForCausalLM.from_pretrained(config["base_model"])
    targs = TrainingArguments(
        output_dir="out",
        per_device_train_batch_size=config["trainer"]["batch_size"],
        num_train_epochs=config["trainer"]["num_train_epochs"],
        learning_rate=config["trainer"]["learning_rate"],
    )
    Trainer(model=model, args=targs, train_dataset=dataset).train()
    model.save_pretrained("out/" + config["model_name"])


if __name__ == "__main__":
    main()
