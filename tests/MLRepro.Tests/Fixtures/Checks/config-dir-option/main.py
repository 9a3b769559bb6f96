import argparse
import os

import torch
import yaml

from runner import Runner


def dict2namespace(config):
    namespace = argparse.Namespace()
    for key, value in config.items():
        setattr(namespace, key, dict2namespace(value) if isinstance(value, dict) else value)
    return namespace


def parse_args_and_config():
    parser = argparse.ArgumentParser(description=globals()["__doc__"])
    parser.add_argument("--config", type=str, required=True, help="Path to the config file")
    parser.add_argument("--seed", type=int, default=1234, help="Random seed")
    parser.add_argument("--exp", type=str, default="exp", help="Path for saving running related data.")
    args = parser.parse_args()

    with open(os.path.join("configs", args.config), "r") as f:
        config = yaml.safe_load(f)
    os.makedirs(args.exp, exist_ok=True)
    with open(os.path.join(args.exp, "config.yml"), "w") as f:
        yaml.dump(config, f, default_flow_style=False)
    return args, dict2namespace(config)


def main():
    args, config = parse_args_and_config()
    torch.manual_seed(args.seed)
    Runner(args, config).train()


if __name__ == "__main__":
    main()
