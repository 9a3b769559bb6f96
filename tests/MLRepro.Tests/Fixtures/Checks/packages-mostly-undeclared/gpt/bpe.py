import json
import os

import regex as re
import requests


def get_encoder(cache_dir="~/.cache/tinygpt"):
    cache_dir = os.path.expanduser(cache_dir)
    os.makedirs(cache_dir, exist_ok=True)
    path = os.path.join(cache_dir, "encoder.json")
    if not os.path.isfile(path):
        with open(path, "wb") as f:
            f.write(requests.get("https://openaipublic.blob.core.windows.net/gpt-2/models/124M/encoder.json").content)
    with open(path) as f:
        encoder = json.load(f)
    pattern = re.compile(r"""'s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+""")
    return encoder, pattern
