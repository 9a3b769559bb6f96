import argparse
import glob
import os

import librosa
import numpy as np

from utils.hparams import HParam

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--config", type=str, required=True, help="yaml file for configuration")
    parser.add_argument("-d", "--data_path", type=str, required=True, help="root directory of wav files")
    args = parser.parse_args()
    hp = HParam(args.config)

    for wavpath in glob.glob(os.path.join(args.data_path, "**", "*.wav"), recursive=True):
        wav, _ = librosa.load(wavpath, sr=hp.audio.sampling_rate)
        mel = librosa.feature.melspectrogram(y=wav, sr=hp.audio.sampling_rate, n_mels=hp.audio.n_mels, hop_length=hp.audio.hop_length)
        np.save(wavpath.replace(".wav", ".mel.npy"), mel)
