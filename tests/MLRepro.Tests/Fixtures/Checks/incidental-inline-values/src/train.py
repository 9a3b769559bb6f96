import sys

import yaml
from datasets import load_dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments


def train(input_folder):
    params = yaml.safe_load(open("params.yaml"))
    data = load_dataset("json", data_files={"train": f"{input_folder}/train.json", "val": f"{input_folder}/val.json"})
    tokenizer = AutoTokenizer.from_pretrained(params["train"]["pretrained_model"])
    data = data.map(lambda x: tokenizer(x["text"], truncation=True), batched=True)
    model = AutoModelForSequenceClassification.from_pretrained(params["train"]["pretrained_model"], num_labels=len(params["data"]["labels"]))
    args = TrainingArguments(output_dir=params["train"]["output_folder"], num_train_epochs=params["train"]["epochs"],
                             per_device_train_batch_size=8, per_device_eval_batch_size=16, logging_dir=params["train"]["metrics_folder"])
    Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["val"], tokenizer=tokenizer).train()


def split(input_folder):
    params = yaml.safe_load(open("params.yaml"))
    data = load_dataset("json", data_files=f"{input_folder}/issues.json")["train"]
    parts = data.train_test_split(test_size=params["split"]["test_size"], seed=0)
    parts["train"].to_json(f"{params['split']['output_folder']}/train.json")
    parts["test"].to_json(f"{params['split']['output_folder']}/val.json")
    print(params["data"]["output_folder"], params["eval"]["output_folder"])


if __name__ == "__main__":
    split(sys.argv[1]) if sys.argv[2] == "split" else train(sys.argv[1])
