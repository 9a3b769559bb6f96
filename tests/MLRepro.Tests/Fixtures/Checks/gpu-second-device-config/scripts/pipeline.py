import argparse
import tomllib

import torch


def load_config(path):
    with open(path, "rb") as f:
        return tomllib.load(f)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", metavar="FILE")
    args = parser.parse_args()
    raw_config = load_config(args.config)
    if "device" in raw_config:
        device = torch.device(raw_config["device"])
    else:
        device = torch.device("cuda:1")
    model = torch.nn.Linear(raw_config["model"]["d_in"], 1).to(device)
    torch.save(model.state_dict(), raw_config["parent_dir"] + "/model.pt")


if __name__ == "__main__":
    main()
