import torch

torch.manual_seed(1337)
with open("input.txt") as f:
    text = f.read()
chars = sorted(list(set(text)))
stoi = {ch: i for i, ch in enumerate(chars)}
data = torch.tensor([stoi[c] for c in text], dtype=torch.long)
emb = torch.nn.Embedding(len(chars), len(chars))
logits = emb(data[:-1])
loss = torch.nn.functional.cross_entropy(logits, data[1:])
loss.backward()
