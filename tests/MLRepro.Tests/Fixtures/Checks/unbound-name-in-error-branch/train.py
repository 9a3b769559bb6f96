import random

import numpy as np

from crop import RandomCrop

if __name__ == "__main__":
    random.seed(0)
    np.random.seed(0)
    crop = RandomCrop(8)
    images = np.random.rand(16, 32, 32)
    batch = np.stack([crop(im) for im in images])
    np.save("batch_mean.npy", batch.mean(axis=0))
