import sys

import pandas as pd
from datasets import Dataset
from transformers import AutoModelForSequenceClassification, AutoTokenizer, Trainer, TrainingArguments


def main(split_folder, output_dir):
    tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
    train = Dataset.from_pandas(pd.read_csv(f"{split_folder}/train.csv")).map(lambda x: tokenizer(x["text"], truncation=True))
    args = TrainingArguments(output_dir=output_dir, num_train_epochs=1)
    Trainer(model=model, args=args, train_dataset=train, tokenizer=tokenizer).train()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
