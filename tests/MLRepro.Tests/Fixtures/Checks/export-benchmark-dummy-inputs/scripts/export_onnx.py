"""Export the trained classifier to ONNX."""
import argparse

import torch

from ctscan.model import ScanClassifier

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--checkpoint", default="models/model.pt")
    parser.add_argument("--output", default="models/model.onnx")
    args = parser.parse_args()
    model = ScanClassifier()
    model.load_state_dict(torch.load(args.checkpoint, map_location="cpu"))
    model.eval()
    dummy_image = torch.randn(1, 3, 224, 224)
    torch.onnx.export(model, dummy_image, args.output, input_names=["image"], output_names=["logits"])
