import argparse
import pickle

import torchtext


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-save_data", required=True)
    parser.add_argument("-max_len", type=int, default=100)
    opt = parser.parse_args()
    train, val, test = torchtext.datasets.Multi30k(root=".data", split=("train", "valid", "test"), language_pair=("de", "en"))
    data = {"settings": opt, "train": list(train), "valid": list(val)}
    pickle.dump(data, open(opt.save_data, "wb"))


if __name__ == "__main__":
    main()
