import argparse

import torch

from model import CharRNN


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", default="model.pt")
    parser.add_argument("--length", type=int, default=500)
    args = parser.parse_args()

    state = torch.load(args.checkpoint)
    chars = state["chars"]
    model = CharRNN(len(chars))
    model.load_state_dict(state["model"])
    model.eval()
    x, h, out = torch.tensor([[0]]), None, []
    with torch.no_grad():
        for _ in range(args.length):
            logits, h = model(x, h)
            x = torch.multinomial(torch.softmax(logits[:, -1], dim=-1), 1)
            out.append(chars[x.item()])
    print("".join(out))


if __name__ == "__main__":
    main()
