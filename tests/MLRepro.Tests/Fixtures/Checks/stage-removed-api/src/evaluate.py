import json
import sys

if __name__ == "__main__":
    rows = json.load(open(sys.argv[1] + "/val.json"))
    json.dump({"n": len(rows), "model": sys.argv[2]}, open(sys.argv[3], "w"))
