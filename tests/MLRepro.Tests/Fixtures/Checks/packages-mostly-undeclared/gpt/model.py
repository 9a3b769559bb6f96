import numpy as np
import torch
import torch.nn as nn


class GPT(nn.Module):
    def __init__(self, vocab_size=50257, n_embd=128):
        super().__init__()
        self.wte = nn.Embedding(vocab_size, n_embd)
        self.head = nn.Linear(n_embd, vocab_size, bias=False)
        self.scale = float(np.sqrt(n_embd))

    def forward(self, idx):
        return self.head(self.wte(idx) / self.scale)
