import json

import yaml


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    with open(cfg["output"], "w") as f:
        json.dump({"threshold": cfg["threshold"]}, f)


if __name__ == "__main__":
    main()
