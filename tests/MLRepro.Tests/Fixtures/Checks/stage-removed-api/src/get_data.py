import json
import sys

if __name__ == "__main__":
    rows = [{"text": f"issue {i}", "label": i % 2} for i in range(100)]
    with open(sys.argv[1], "w") as f:
        json.dump(rows, f)
