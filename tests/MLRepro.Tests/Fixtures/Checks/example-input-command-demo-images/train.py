import argparse

import lmdb
import torch

from modules.model import Recognizer


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--train_data", required=True)
    parser.add_argument("--valid_data", required=True)
    parser.add_argument("--num_iter", type=int, default=300000)
    parser.add_argument("--manualSeed", type=int, default=1111)
    opt = parser.parse_args()
    torch.manual_seed(opt.manualSeed)
    env = lmdb.open(opt.train_data, readonly=True, lock=False)
    with env.begin() as txn:
        n = int(txn.get(b"num-samples"))
    model = Recognizer()
    optimizer = torch.optim.Adadelta(model.parameters(), lr=1.0)
    print("training on", n, "samples for", opt.num_iter, "iterations with", type(optimizer).__name__)
    torch.save(model.state_dict(), "saved_models/best_accuracy.pth")


if __name__ == "__main__":
    main()
