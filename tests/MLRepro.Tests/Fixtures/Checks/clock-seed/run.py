import time

import numpy as np

np.random.seed(int(time.time()))

if __name__ == "__main__":
    print(np.random.rand(3))
