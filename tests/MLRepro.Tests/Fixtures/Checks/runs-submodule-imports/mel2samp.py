import sys

sys.path.insert(0, "tacotron2")
from tacotron2.layers import TacotronSTFT  # noqa: F401  (used by the training data loader)

MAX_WAV_VALUE = 32768.0


def files_to_list(filename):
    """Reads one path per line."""
    with open(filename, encoding="utf-8") as f:
        return [line.rstrip() for line in f]
