import numpy as np
import sounddevice

from src.predictor import Predictor

CLASSES = ["bark", "doorbell", "speech", "music"]
PREDICTOR = Predictor("models/tagger.pt")
BUFFER = [np.zeros(16000, dtype=np.float32)]


def on_audio(indata, frames, time, status):
    BUFFER[0] = indata.ravel()
    scores = PREDICTOR.predict(np.abs(np.fft.rfft(BUFFER[0]))[:128])[0]
    print(" ".join(f"{c}={s:.2f}" for c, s in zip(CLASSES, scores)))


if __name__ == "__main__":
    with sounddevice.InputStream(callback=on_audio, channels=1, blocksize=16000, samplerate=16000):
        input("listening; press Enter to stop\n")
