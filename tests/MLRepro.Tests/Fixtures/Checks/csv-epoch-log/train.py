import argparse
import math
import os

import torch
from torch import nn


def run_epoch(model, batches, optimizer=None):
    total_loss, correct, words = 0.0, 0, 0
    for src, tgt in batches:
        logits = model(src)
        loss = nn.functional.cross_entropy(logits, tgt, reduction="sum")
        if optimizer is not None:
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
        total_loss += loss.item()
        correct += (logits.argmax(-1) == tgt).sum().item()
        words += tgt.numel()
    return total_loss / words, correct / words


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("-epoch", type=int, default=10)
    parser.add_argument("-lr", type=float, default=1e-3)
    parser.add_argument("-output_dir", type=str, default="output")
    parser.add_argument("-use_tb", action="store_true")
    opt = parser.parse_args()

    os.makedirs(opt.output_dir, exist_ok=True)
    if opt.use_tb:
        from torch.utils.tensorboard import SummaryWriter
        tb_writer = SummaryWriter(log_dir=os.path.join(opt.output_dir, "tensorboard"))

    model = nn.Sequential(nn.Embedding(100, 32), nn.Linear(32, 100))
    optimizer = torch.optim.Adam(model.parameters(), lr=opt.lr)
    data = [(torch.randint(0, 100, (8,)), torch.randint(0, 100, (8,))) for _ in range(20)]

    log_file = os.path.join(opt.output_dir, "train.log")
    with open(log_file, "w") as log:
        log.write("epoch,loss,ppl,accuracy\n")

    for epoch in range(opt.epoch):
        loss, accu = run_epoch(model, data, optimizer)
        ppl = math.exp(min(loss, 100))
        print(f"epoch {epoch}: loss {loss:.4f} ppl {ppl:.2f} accuracy {accu:.3f}")
        with open(log_file, "a") as log:
            log.write("{},{:.5f},{:.5f},{:.3f}\n".format(epoch, loss, ppl, accu))
        if opt.use_tb:
            tb_writer.add_scalar("ppl", ppl, epoch)
            tb_writer.add_scalar("accuracy", accu, epoch)


if __name__ == "__main__":
    main()
