import argparse

import torch
from transformers import AutoModel, AutoTokenizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_file", required=True)
    parser.add_argument("--model_name", default="bert-base-uncased")
    parser.add_argument("--output_dir", default="result")
    args = parser.parse_args()

    with open(args.train_file, encoding="utf-8") as f:
        sentences = [line.strip() for line in f if line.strip()]
    tokenizer = AutoTokenizer.from_pretrained(args.model_name)
    model = AutoModel.from_pretrained(args.model_name)
    optimizer = torch.optim.AdamW(model.parameters(), lr=3e-5)
    for start in range(0, len(sentences), 64):
        batch = tokenizer(sentences[start:start + 64], padding=True, truncation=True, return_tensors="pt")
        a = model(**batch).last_hidden_state[:, 0]
        b = model(**batch).last_hidden_state[:, 0]
        sim = torch.nn.functional.cosine_similarity(a.unsqueeze(1), b.unsqueeze(0), dim=-1) / 0.05
        loss = torch.nn.functional.cross_entropy(sim, torch.arange(len(a)))
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    model.save_pretrained(args.output_dir)


if __name__ == "__main__":
    main()
