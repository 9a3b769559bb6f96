import json
import os
import sys

if __name__ == "__main__":
    rows = json.load(open(sys.argv[1]))
    os.makedirs(sys.argv[2], exist_ok=True)
    cut = int(len(rows) * 0.9)
    json.dump(rows[:cut], open(os.path.join(sys.argv[2], "train.json"), "w"))
    json.dump(rows[cut:], open(os.path.join(sys.argv[2], "val.json"), "w"))
