"""Character-level language model over a file of words, one per line."""
import argparse

import torch


def load_words(input_file):
    with open(input_file, "r") as f:
        return [w.strip() for w in f.read().splitlines() if w.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--input-file", "-i", type=str, default="names.txt", help="one word per line")
    parser.add_argument("--steps", type=int, default=100)
    args = parser.parse_args()
    words = load_words(args.input_file)
    chars = sorted(set("".join(words)))
    logits = torch.zeros(len(chars), len(chars), requires_grad=True)
    print(len(words), logits.shape, args.steps)


if __name__ == "__main__":
    main()
