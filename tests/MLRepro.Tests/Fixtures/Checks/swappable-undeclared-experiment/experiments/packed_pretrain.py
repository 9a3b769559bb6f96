import numpy as np
import torch
from datasets import load_dataset


def main():
    ds = load_dataset("openwebtext", split="train")
    tokens = np.concatenate([np.frombuffer(t.encode(), dtype=np.uint8) for t in ds[:64]["text"]])
    emb = torch.nn.Embedding(256, 32)
    print(emb(torch.as_tensor(tokens[:128], dtype=torch.long)).shape)


if __name__ == "__main__":
    main()
