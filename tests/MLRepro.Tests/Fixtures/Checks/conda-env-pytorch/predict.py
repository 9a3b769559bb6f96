import sys

import cv2
import numpy as np
import torch
import torchvision

if __name__ == "__main__":
    model = torchvision.models.segmentation.fcn_resnet50(weights=None, num_classes=2)
    model.load_state_dict(torch.load("weights/fcn.pt", map_location="cpu"))
    model.eval()
    img = cv2.imread(sys.argv[1])[:, :, ::-1].astype(np.float32) / 255.0
    with torch.no_grad():
        out = model(torch.from_numpy(img.copy()).permute(2, 0, 1)[None])["out"]
    cv2.imwrite(sys.argv[2], (out.argmax(1)[0].numpy() * 255).astype(np.uint8))
