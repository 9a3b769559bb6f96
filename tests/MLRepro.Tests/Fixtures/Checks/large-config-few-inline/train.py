import argparse

import timm
import torch
import yaml
from torch import nn

from data import loaders


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="configs/train.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().config))
    torch.manual_seed(cfg["train"]["seed"])
    train_loader, valid_loader = loaders(cfg["data"], cfg["augment"], cfg["train"]["batch_size"], cfg["train"]["seed"])
    m = cfg["model"]
    model = timm.create_model(m["name"], pretrained=m["pretrained"], num_classes=m["num_classes"], drop_rate=m["dropout"])
    t = cfg["train"]
    opt = torch.optim.AdamW(model.parameters(), lr=t["lr"], weight_decay=t["weight_decay"], eps=1e-7)
    sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, T_max=t["epochs"], eta_min=t["min_lr"])
    loss_fn = nn.CrossEntropyLoss(label_smoothing=t["label_smoothing"])
    early_stop = dict(patience=8, momentum=0.95)
    for epoch in range(t["epochs"]):
        for x, y in train_loader:
            loss = loss_fn(model(x), y)
            opt.zero_grad()
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), t["grad_clip"])
            opt.step()
        sched.step()
        if epoch % t["save_every"] == 0:
            torch.save(model.state_dict(), f"{t['output']}/model_{epoch}.pt")
    print(early_stop, t["warmup_steps"], t["accumulate"], t["amp"], t["ema"], t["log_every"], t["scheduler"], m["hidden_size"], m["num_layers"], m["activation"], m["norm"])


if __name__ == "__main__":
    main()
