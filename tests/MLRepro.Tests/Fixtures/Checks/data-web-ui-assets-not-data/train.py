"""Trains a sentiment classifier on a CSV of text,label rows."""
import argparse

import pandas as pd
import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", default="data/reviews.csv")
    parser.add_argument("--epochs", type=int, default=2)
    args = parser.parse_args()
    torch.manual_seed(0)

    df = pd.read_csv(args.data)
    tokenizer = AutoTokenizer.from_pretrained("distilbert-base-uncased")
    model = AutoModelForSequenceClassification.from_pretrained("distilbert-base-uncased", num_labels=2)
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-5)
    for _ in range(args.epochs):
        batch = tokenizer(list(df["text"]), padding=True, truncation=True, return_tensors="pt")
        loss = model(**batch, labels=torch.tensor(df["label"].values)).loss
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
    model.save_pretrained("model")
    tokenizer.save_pretrained("model")


if __name__ == "__main__":
    main()
