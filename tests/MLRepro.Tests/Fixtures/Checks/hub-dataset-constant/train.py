"""Fine-tunes a classifier on a Hub dataset named by a module constant."""
from datasets import load_dataset

DATASET_ID = "stanfordnlp/imdb"


def main():
    rows = load_dataset(DATASET_ID, split="train")
    print(len(rows))


if __name__ == "__main__":
    main()
