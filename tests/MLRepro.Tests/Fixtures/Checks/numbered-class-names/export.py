"""Export a trained model to ONNX: python export.py --weights best.pt"""
import argparse

from utils import boxes_to_xywhn, make_loader

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--weights", default="best.pt")
    opt = parser.parse_args()
    loader = make_loader("datasets/shapes/images/val", batch_size=1)
    print(opt.weights, boxes_to_xywhn([[0, 0, 10, 10]], 64, 64))
