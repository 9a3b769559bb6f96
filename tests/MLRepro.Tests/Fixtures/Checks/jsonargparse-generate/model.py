import torch
from torch import nn


class TinyLM(nn.Module):
    def __init__(self, vocab: int = 256, dim: int = 64) -> None:
        super().__init__()
        self.emb = nn.Embedding(vocab, dim)
        self.head = nn.Linear(dim, vocab)

    def forward(self, idx):
        return self.head(self.emb(idx))

    @torch.no_grad()
    def generate(self, idx, steps):
        for _ in range(steps):
            nxt = self(idx)[-1].argmax()
            idx = torch.cat([idx, nxt[None]])
        return idx


class Tokenizer:
    def __init__(self, path) -> None:
        self.path = path

    def encode(self, text):
        return torch.tensor(list(text.encode()))

    def decode(self, ids):
        return bytes(ids.tolist()).decode(errors="ignore")
