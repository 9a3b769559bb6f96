import sys

import cv2
import numpy as np
from PIL import Image

from .helpers import resize


def main(path):
    image = np.asarray(Image.open(path))
    print(cv2.Canny(image, 100, 200).sum())


if __name__ == "__main__":
    main(sys.argv[1])
