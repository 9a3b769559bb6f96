import numpy as np

from model.synthesizer import Synthesizer

if __name__ == "__main__":
    Synthesizer().fit(np.load("data/adult/X_train.npy"))
