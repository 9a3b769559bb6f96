import torch.nn as nn


class GPT(nn.Module):
    def __init__(self):
        super().__init__()
        self.emb = nn.Embedding(50304, 64)
        self.head = nn.Linear(64, 50304)

    def forward(self, idx):
        return self.head(self.emb(idx)).mean()
