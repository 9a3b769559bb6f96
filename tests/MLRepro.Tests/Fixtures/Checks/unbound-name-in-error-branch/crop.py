import random

import numpy as np


class RandomCrop:
    def __init__(self, size, scale=(0.08, 1.0)):
        if scale[0] > scale[1]:
            warnings.warn("range should be of kind (min, max)")
        self.size = size
        self.scale = scale

    def __call__(self, image):
        h, w = image.shape[:2]
        top = random.randint(0, h - self.size)
        left = random.randint(0, w - self.size)
        return image[top:top + self.size, left:left + self.size]
