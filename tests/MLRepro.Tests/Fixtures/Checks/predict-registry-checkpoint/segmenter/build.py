import torch


class Segmenter(torch.nn.Module):
    def __init__(self, width):
        super().__init__()
        self.head = torch.nn.Conv2d(3, 1, kernel_size=width)

    def forward(self, x):
        return self.head(x).sigmoid()


def _build(width, checkpoint=None):
    model = Segmenter(width)
    if checkpoint is not None:
        with open(checkpoint, "rb") as f:
            model.load_state_dict(torch.load(f))
    return model


def build_small(checkpoint=None):
    return _build(3, checkpoint)


def build_large(checkpoint=None):
    return _build(7, checkpoint)


model_registry = {"small": build_small, "large": build_large}
