import argparse

import datasets
import torch

parser = argparse.ArgumentParser()
parser.add_argument("--dataset_path", required=True)
parser.add_argument("--output_dir", default="out")
parser.add_argument("--lr", type=float, default=2e-4)
args = parser.parse_args()

ds = datasets.load_from_disk(args.dataset_path)
emb = torch.nn.Embedding(32000, 64)
opt = torch.optim.AdamW(emb.parameters(), lr=args.lr)
for row in ds:
    ids = torch.tensor(row["input_ids"])
    loss = emb(ids).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()
torch.save(emb.state_dict(), args.output_dir + "/emb.pt")
