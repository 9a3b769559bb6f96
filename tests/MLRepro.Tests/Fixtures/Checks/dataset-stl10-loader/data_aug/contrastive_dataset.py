from torchvision import datasets, transforms


class ContrastiveLearningDataset:
    def __init__(self, root_folder):
        self.root_folder = root_folder

    def get_dataset(self, name):
        transform = transforms.Compose([transforms.RandomResizedCrop(96), transforms.ToTensor()])
        if name == "stl10":
            return datasets.STL10(self.root_folder, split="unlabeled", transform=transform, download=True)
        return datasets.CIFAR10(self.root_folder, train=True, transform=transform, download=True)
