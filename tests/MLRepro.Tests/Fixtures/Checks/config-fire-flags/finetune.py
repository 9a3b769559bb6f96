"""LoRA-style fine-tuning of a small causal LM; every setting is a --flag of train()."""
import json

import fire
import torch


def train(
    base_model: str = "gpt2",
    data_path: str = "data/instructions.json",
    output_dir: str = "./lora-out",
    batch_size: int = 128,
    micro_batch_size: int = 4,
    num_epochs: int = 3,
    learning_rate: float = 3e-4,
    cutoff_len: int = 256,
    lora_r: int = 8,
    lora_alpha: int = 16,
    lora_dropout: float = 0.05,
):
    with open(data_path) as f:
        records = json.load(f)
    steps = max(1, len(records) // batch_size) * num_epochs
    w = torch.zeros(lora_r, requires_grad=True)
    opt = torch.optim.AdamW([w], lr=learning_rate)
    for _ in range(steps):
        loss = (w ** 2).sum() * lora_alpha / lora_r
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save({"w": w, "cutoff_len": cutoff_len, "dropout": lora_dropout, "micro": micro_batch_size, "base": base_model}, output_dir + "/adapter.bin")


if __name__ == "__main__":
    fire.Fire(train)
