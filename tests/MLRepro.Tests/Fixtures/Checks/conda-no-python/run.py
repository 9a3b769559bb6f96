import numpy as np

if __name__ == "__main__":
    print(np.ones(2))
