import sys

from datasets import load_dataset, load_metric
from transformers import AutoModelForSequenceClassification, Trainer, TrainingArguments

metric = load_metric("accuracy")

if __name__ == "__main__":
    data = load_dataset("json", data_files={"train": sys.argv[1] + "/train.json", "val": sys.argv[1] + "/val.json"})
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
    args = TrainingArguments(output_dir=sys.argv[2], num_train_epochs=1, seed=0)
    Trainer(model=model, args=args, train_dataset=data["train"], eval_dataset=data["val"]).train()
    model.save_pretrained(sys.argv[2])
