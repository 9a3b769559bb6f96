from .model import build


def load(path="weights/tinyclip.pt"):
    return build(torch_load(path))


def torch_load(path):
    import torch
    return torch.load(path, map_location="cpu")
