# expect: python.unclosed-bracket
import numpy as np
x = np.array([1, 2, 3

def train():
    np.random.seed(0)
