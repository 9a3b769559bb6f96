import argparse

import soundfile as sf
import torch

from modules import Generator

parser = argparse.ArgumentParser()
parser.add_argument("--checkpoint", default="checkpoints/netG.pt")
parser.add_argument("--mel", required=True)
parser.add_argument("--out", default="out.wav")
args = parser.parse_args()

device = "cuda" if torch.cuda.is_available() else "cpu"
netG = Generator().to(device)
netG.load_state_dict(torch.load(args.checkpoint, map_location=device))
with torch.no_grad():
    audio = netG(torch.load(args.mel).to(device)).squeeze().cpu().numpy()
sf.write(args.out, audio, 22050)
