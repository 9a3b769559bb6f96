import argparse

import yaml


def train(hyp, data):
    names = data["names"]
    print(f"training {len(names)} classes from {data['path']}/{data['train']} (val {data['val']})")
    for epoch in range(hyp["epochs"]):
        print(epoch, hyp["lr0"], hyp["momentum"], hyp["weight_decay"])


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=str, default="data/shapes.yaml", help="dataset.yaml path")
    parser.add_argument("--hyp", type=str, default="data/hyps/hyp.default.yaml", help="hyperparameters path")
    opt = parser.parse_args()
    with open(opt.hyp, errors="ignore") as f:
        hyp = yaml.safe_load(f)
    with open(opt.data, errors="ignore") as f:
        data = yaml.safe_load(f)
    train(hyp, data)


if __name__ == "__main__":
    main()
