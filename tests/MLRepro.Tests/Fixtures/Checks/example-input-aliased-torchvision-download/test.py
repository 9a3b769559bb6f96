import argparse

import torch
import torchvision.datasets as dset
import torchvision.transforms as transforms

from model import Network

parser = argparse.ArgumentParser("cifar")
parser.add_argument("--data", type=str, default="../data")
parser.add_argument("--model_path", type=str, default="cifar10_model.pt")
args = parser.parse_args()


def main():
    model = Network()
    model.load_state_dict(torch.load(args.model_path, map_location="cpu"))
    test_data = dset.CIFAR10(root=args.data, train=False, download=True, transform=transforms.ToTensor())
    queue = torch.utils.data.DataLoader(test_data, batch_size=96, shuffle=False)
    model.eval()
    correct = 0
    with torch.no_grad():
        for inputs, target in queue:
            correct += (model(inputs).argmax(1) == target).sum().item()
    print(f"test_acc {correct / len(test_data):.4f}")


if __name__ == "__main__":
    main()
