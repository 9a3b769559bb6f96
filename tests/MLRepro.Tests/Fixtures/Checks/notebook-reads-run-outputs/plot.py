import matplotlib.pyplot as plt
import numpy as np

if __name__ == "__main__":
    frames = np.load("exps/base/frames.npy")
    plt.plot(frames[:, 0], frames[:, 1])
    plt.savefig("trajectory.png")
