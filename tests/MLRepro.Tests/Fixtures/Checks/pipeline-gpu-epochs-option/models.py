import torch.nn as nn


def build(name, num_classes=100):
    width = 64 if name == "resnet56" else 16
    return nn.Sequential(nn.Conv2d(3, width, 3, padding=1), nn.BatchNorm2d(width), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(), nn.Linear(width, num_classes))
