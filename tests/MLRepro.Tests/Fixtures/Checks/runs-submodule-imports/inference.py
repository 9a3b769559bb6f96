import argparse
import os

import torch
from scipy.io.wavfile import write

from denoiser import Denoiser
from mel2samp import MAX_WAV_VALUE, files_to_list


def main(mel_files, checkpoint, sigma, output_dir, denoiser_strength):
    model = torch.load(checkpoint, map_location="cpu")["model"]
    model.eval()
    denoiser = Denoiser(model) if denoiser_strength > 0 else None
    for path in files_to_list(mel_files):
        mel = torch.load(path)
        with torch.no_grad():
            audio = model.infer(mel.unsqueeze(0), sigma=sigma)
            if denoiser is not None:
                audio = denoiser(audio, denoiser_strength)
        audio = (audio * MAX_WAV_VALUE).squeeze().numpy().astype("int16")
        name = os.path.splitext(os.path.basename(path))[0]
        write(os.path.join(output_dir, name + "_synthesis.wav"), 22050, audio)


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-f", "--filelist_path", required=True)
    parser.add_argument("-w", "--checkpoint_path", required=True)
    parser.add_argument("-o", "--output_dir", required=True)
    parser.add_argument("-s", "--sigma", default=1.0, type=float)
    parser.add_argument("-d", "--denoiser_strength", default=0.0, type=float)
    args = parser.parse_args()
    os.makedirs(args.output_dir, exist_ok=True)
    main(args.filelist_path, args.checkpoint_path, args.sigma, args.output_dir, args.denoiser_strength)
