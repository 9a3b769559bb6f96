import random
import sys
from pathlib import Path

if __name__ == "__main__":
    files = sorted(Path(sys.argv[1]).glob("*.png"))
    for f in random.sample(files, min(8, len(files))):
        print(f)
