import sys

import torch

from detector.model import Darknet


def detect(image_path):
    model = Darknet("config/yolov3.cfg")
    image = torch.zeros(1, 3, 416, 416)
    if torch.cuda.is_available():
        image = image.to("cuda")
        model = model.cuda()
    return model(image)


if __name__ == "__main__":
    print(detect(sys.argv[1]))
