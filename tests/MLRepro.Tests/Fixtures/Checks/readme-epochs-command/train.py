import argparse
import pickle

import torch
import torch.nn as nn


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-data_pkl", required=True)
    parser.add_argument("-epoch", type=int, default=10)
    parser.add_argument("-b", "--batch_size", type=int, default=2048)
    parser.add_argument("-seed", type=int, default=1)
    parser.add_argument("-output_dir", default="output")
    parser.add_argument("-no_cuda", action="store_true")
    opt = parser.parse_args()
    torch.manual_seed(opt.seed)
    device = torch.device("cuda" if not opt.no_cuda else "cpu")
    data = pickle.load(open(opt.data_pkl, "rb"))
    model = nn.Transformer(d_model=512, nhead=8).to(device)
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-4)
    for epoch in range(opt.epoch):
        for batch in data["train"]:
            optimizer.zero_grad()
        torch.save(model.state_dict(), f"{opt.output_dir}/model.chkpt")


if __name__ == "__main__":
    main()
