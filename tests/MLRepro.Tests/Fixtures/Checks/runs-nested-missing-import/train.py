import argparse

import numpy as np
import torch


def setup_distributed(args):
    if args.deepspeed:
        from .integrations import is_deepspeed_available

        if not is_deepspeed_available():
            raise ImportError("--deepspeed requires deepspeed: `pip install deepspeed`.")
        import deepspeed

        deepspeed.init_distributed()
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def load_pairs(path="data/pairs.tsv"):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n").split("\t") for line in f if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--deepspeed", action="store_true")
    args = parser.parse_args()
    torch.manual_seed(0)
    np.random.seed(0)
    device = setup_distributed(args)
    pairs = load_pairs()
    model = torch.nn.EmbeddingBag(1000, 64).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    for _ in range(args.epochs):
        for a, b, label in pairs:
            ids_a = torch.tensor([[hash(w) % 1000 for w in a.split()]], device=device)
            ids_b = torch.tensor([[hash(w) % 1000 for w in b.split()]], device=device)
            sim = torch.cosine_similarity(model(ids_a), model(ids_b))
            loss = (sim - float(label)).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    torch.save(model.state_dict(), "encoder.pt")


if __name__ == "__main__":
    main()
