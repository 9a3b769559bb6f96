import argparse

import timm
import torch

from training.config import load_config


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/effnet_b3.json")
    args = parser.parse_args()
    conf = load_config(args.config)
    model = timm.create_model(conf["encoder"], pretrained=True, num_classes=1)
    opt = conf["optimizer"]
    optimizer = torch.optim.SGD(model.parameters(), lr=opt["learning_rate"], momentum=opt["momentum"],
                                weight_decay=opt["weight_decay"])
    for epoch in range(opt["schedule"]["epochs"]):
        x = torch.randn(conf["batch_size"], 3, conf["size"], conf["size"])
        loss = model(x).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save(model.state_dict(), f"weights/{conf['network']}_{conf['encoder']}.pt")


if __name__ == "__main__":
    main()
