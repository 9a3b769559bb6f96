"""Sample text from a fine-tuned checkpoint."""
from pathlib import Path

import torch

from model import TinyLM, Tokenizer


def main(
    prompt: str = "Once upon a time",
    max_new_tokens: int = 50,
    checkpoint_path: Path = Path("checkpoints/tiny/lm.pth"),
    tokenizer_path: Path = Path("checkpoints/tiny/tokenizer.model"),
) -> None:
    """Generates text from the prompt.

    Args:
        prompt: The prompt string to use for generation.
        max_new_tokens: The number of generation steps to take.
        checkpoint_path: The checkpoint path to load.
        tokenizer_path: The tokenizer path to load.
    """
    model = TinyLM()
    model.load_state_dict(torch.load(checkpoint_path))
    model.eval()
    tokenizer = Tokenizer(tokenizer_path)
    encoded = tokenizer.encode(prompt)
    out = model.generate(encoded, max_new_tokens)
    print(tokenizer.decode(out))


if __name__ == "__main__":
    from jsonargparse import CLI

    CLI(main)
