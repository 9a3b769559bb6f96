import torch

from gpt.bpe import get_encoder
from gpt.model import GPT


def main():
    torch.manual_seed(3407)
    encoder, pattern = get_encoder()
    model = GPT(vocab_size=len(encoder))
    opt = torch.optim.AdamW(model.parameters(), lr=3e-4)
    idx = torch.randint(0, len(encoder), (4, 16))
    for step in range(100):
        loss = torch.nn.functional.cross_entropy(model(idx).flatten(0, 1), idx.flatten())
        opt.zero_grad()
        loss.backward()
        opt.step()


if __name__ == "__main__":
    main()
