import argparse

from training.consts import DEFAULT_TRAINING_DATASET
from training.trainer import train

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--output-dir", required=True)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--dataset", default=DEFAULT_TRAINING_DATASET)
    args = parser.parse_args()
    train(args.output_dir, args.epochs, args.dataset)
