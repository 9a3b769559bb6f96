import argparse
import os

import torch
import torch.nn as nn

from dataset import LmdbDataset
from model import Recognizer

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")


def train(opt):
    data = torch.utils.data.DataLoader(LmdbDataset(opt.train_data), batch_size=opt.batch_size, shuffle=True)
    model = Recognizer(opt.num_class).to(device)
    criterion = nn.CTCLoss(zero_infinity=True)
    optimizer = torch.optim.Adadelta(model.parameters(), lr=opt.lr)
    iteration = 0
    os.makedirs(f"saved_models/{opt.exp_name}", exist_ok=True)
    while iteration < opt.num_iter:
        for images, targets, lengths in data:
            preds = model(images.to(device)).log_softmax(2)
            sizes = torch.full((preds.size(1),), preds.size(0), dtype=torch.long)
            loss = criterion(preds, targets, sizes, lengths)
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            iteration += 1
            if iteration % opt.val_interval == 0:
                torch.save(model.state_dict(), f"saved_models/{opt.exp_name}/iter_{iteration}.pth")
            if iteration >= opt.num_iter:
                break


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--exp_name", default="crnn")
    parser.add_argument("--train_data", required=True, help="path to the LMDB training set")
    parser.add_argument("--batch_size", type=int, default=192)
    parser.add_argument("--num_iter", type=int, default=300000, help="number of iterations to train for")
    parser.add_argument("--val_interval", type=int, default=2000)
    parser.add_argument("--lr", type=float, default=1.0)
    parser.add_argument("--num_class", type=int, default=37)
    train(parser.parse_args())
