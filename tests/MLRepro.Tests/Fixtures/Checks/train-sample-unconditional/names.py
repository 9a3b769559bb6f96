import argparse
import os

import torch


def generate(model, chars, steps=10):
    idx = torch.zeros(1, dtype=torch.long)
    out = []
    for _ in range(steps):
        idx = torch.multinomial(torch.softmax(model(idx)[-1], -1), 1)
        out.append(chars[idx.item() - 1] if idx.item() else ".")
    return "".join(out)


def load_words(path):
    with open(path) as f:
        return [w.strip() for w in f.read().splitlines() if w.strip()]


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--input-file", "-i", type=str, default="names.txt")
    parser.add_argument("--work-dir", "-o", type=str, default="out")
    parser.add_argument("--sample-only", action="store_true")
    parser.add_argument("--max-steps", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=3407)
    args = parser.parse_args()
    torch.manual_seed(args.seed)

    words = load_words(args.input_file)
    chars = sorted(set("".join(words)))
    model = torch.nn.Sequential(torch.nn.Embedding(len(chars) + 1, 32), torch.nn.Linear(32, len(chars) + 1))
    if args.sample_only:
        model.load_state_dict(torch.load(os.path.join(args.work_dir, "model.pt")))
        print(generate(model, chars))
        raise SystemExit
    optimizer = torch.optim.AdamW(model.parameters(), lr=5e-4)
    for step in range(args.max_steps):
        x = torch.randint(0, len(chars) + 1, (32,))
        loss = torch.nn.functional.cross_entropy(model(x), x)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), os.path.join(args.work_dir, "model.pt"))
