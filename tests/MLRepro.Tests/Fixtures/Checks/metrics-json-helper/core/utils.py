import json
import os


def save_json(data, filename):
    with open(filename, 'w') as f:
        json.dump(data, f, indent=4, sort_keys=False)


def ensure_dir(path):
    os.makedirs(path, exist_ok=True)
