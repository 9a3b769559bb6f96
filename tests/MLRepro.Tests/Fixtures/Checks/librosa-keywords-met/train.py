"""Train the vocoder's discriminator features on wav files (kept short for the example)."""
import argparse
import os
from pathlib import Path

import soundfile as sf
import torch

from vocoder.audio import MelFrontEnd


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", required=True)
    parser.add_argument("--save_path", required=True)
    parser.add_argument("--epochs", type=int, default=10)
    args = parser.parse_args()

    os.makedirs(args.save_path, exist_ok=True)
    front = MelFrontEnd()
    files = sorted(Path(args.data_path).glob("*.wav"))
    for epoch in range(args.epochs):
        for f in files:
            audio, sr = sf.read(str(f), dtype="float32")
            mel = front(torch.from_numpy(audio)[None])
            print(epoch, f.name, float(mel.mean()))
    torch.save(front.state_dict(), os.path.join(args.save_path, "front.pt"))


if __name__ == "__main__":
    main()
