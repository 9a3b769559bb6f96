import argparse

import numpy as np
import torch
import torchvision
import yaml
from easydict import EasyDict
from sklearn.metrics import normalized_mutual_info_score
from tqdm import tqdm


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="config.yml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = EasyDict(yaml.safe_load(f))
    torch.manual_seed(cfg.seed)
    model = torchvision.models.resnet18(num_classes=cfg.num_classes)
    data = torch.randn(64, 3, 32, 32)
    labels = np.random.RandomState(cfg.seed).randint(0, cfg.num_classes, 64)
    with torch.no_grad():
        preds = [model(x[None]).argmax(1).item() for x in tqdm(data)]
    print("NMI", normalized_mutual_info_score(labels, preds))


if __name__ == "__main__":
    main()
