"""Downloads tiny shakespeare and writes train.bin / val.bin next to this file."""
import os

import numpy as np
import requests

input_file_path = os.path.join(os.path.dirname(__file__), "input.txt")
if not os.path.exists(input_file_path):
    with open(input_file_path, "w") as f:
        f.write(requests.get("https://raw.githubusercontent.com/karpathy/char-rnn/master/data/tinyshakespeare/input.txt").text)
data = open(input_file_path).read()
n = len(data)
ids = np.array([ord(c) % 65 for c in data], dtype=np.uint16)
ids[: int(n * 0.9)].tofile(os.path.join(os.path.dirname(__file__), "train.bin"))
ids[int(n * 0.9):].tofile(os.path.join(os.path.dirname(__file__), "val.bin"))
