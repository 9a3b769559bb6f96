"""Trains a character-level language model on input.txt."""
import torch
from torch.utils.data import Dataset


class CharDataset(Dataset):
    def __init__(self, data, block_size=128):
        chars = sorted(list(set(data)))
        self.stoi = {ch: i for i, ch in enumerate(chars)}
        self.data = data
        self.block_size = block_size

    def __len__(self):
        return len(self.data) - self.block_size

    def __getitem__(self, idx):
        chunk = self.data[idx : idx + self.block_size + 1]
        dix = [self.stoi[s] for s in chunk]
        return torch.tensor(dix[:-1]), torch.tensor(dix[1:])


if __name__ == "__main__":
    torch.manual_seed(3407)
    text = open("input.txt", "r").read()
    train_dataset = CharDataset(text)
