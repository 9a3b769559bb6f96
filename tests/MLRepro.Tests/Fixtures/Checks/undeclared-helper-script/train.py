import random
import sys
from pathlib import Path

if __name__ == "__main__":
    random.seed(13)
    files = sorted(Path(sys.argv[1]).glob("*.png"))
    random.shuffle(files)
    cut = int(0.8 * len(files))
    Path("splits.txt").write_text("\n".join(f"{'train' if i < cut else 'val'} {f}" for i, f in enumerate(files)))
