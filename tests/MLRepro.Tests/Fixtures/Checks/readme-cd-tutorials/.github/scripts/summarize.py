import json
import sys

with open(sys.argv[1]) as f:
    print(json.dumps(json.load(f), indent=2))
