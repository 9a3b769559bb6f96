from .resnet import resnet
