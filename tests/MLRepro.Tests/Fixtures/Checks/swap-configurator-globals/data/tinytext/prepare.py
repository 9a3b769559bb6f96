"""Download a small text corpus and write train.bin / val.bin next to this file."""
import os

import numpy as np
import requests

input_file_path = os.path.join(os.path.dirname(__file__), "input.txt")
if not os.path.exists(input_file_path):
    url = "https://example.org/corpora/tinytext/input.txt"
    with open(input_file_path, "w") as f:
        f.write(requests.get(url).text)

with open(input_file_path, "r") as f:
    data = f.read()
chars = sorted(set(data))
stoi = {ch: i for i, ch in enumerate(chars)}
ids = np.array([stoi[c] for c in data], dtype=np.uint16)
n = len(ids)
ids[: int(n * 0.9)].tofile(os.path.join(os.path.dirname(__file__), "train.bin"))
ids[int(n * 0.9) :].tofile(os.path.join(os.path.dirname(__file__), "val.bin"))
