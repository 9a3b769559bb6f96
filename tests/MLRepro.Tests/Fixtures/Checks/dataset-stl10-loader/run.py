import argparse

import torch

from data_aug.contrastive_dataset import ContrastiveLearningDataset

parser = argparse.ArgumentParser(description="SimCLR pretraining")
parser.add_argument("-data", metavar="DIR", default="./datasets")
parser.add_argument("--dataset-name", default="stl10", choices=["stl10", "cifar10"])
parser.add_argument("--epochs", default=100, type=int)
parser.add_argument("--disable-cuda", action="store_true")


def main():
    args = parser.parse_args()
    device = torch.device("cuda" if not args.disable_cuda and torch.cuda.is_available() else "cpu")
    dataset = ContrastiveLearningDataset(args.data).get_dataset(args.dataset_name)
    loader = torch.utils.data.DataLoader(dataset, batch_size=256, shuffle=True)
    model = torch.nn.Linear(96 * 96 * 3, 128).to(device)
    for _ in range(args.epochs):
        for images, _ in loader:
            model(images.flatten(1).to(device))
    torch.save(model.state_dict(), "runs/checkpoint.pth.tar")


if __name__ == "__main__":
    main()
