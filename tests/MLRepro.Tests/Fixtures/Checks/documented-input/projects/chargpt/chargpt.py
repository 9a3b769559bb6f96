"""Trains a character-level model on input.txt."""
import sys

import torch


def get_batch(data, block_size=8):
    ix = torch.randint(len(data) - block_size, (4,))
    return torch.stack([data[i:i + block_size] for i in ix])


if __name__ == "__main__":
    torch.manual_seed(int(sys.argv[1]) if len(sys.argv) > 1 else 3407)
    text = open("input.txt", "r").read()
    chars = sorted(set(text))
    stoi = {ch: i for i, ch in enumerate(chars)}
    data = torch.tensor([stoi[c] for c in text], dtype=torch.long)
    print(get_batch(data).shape)
