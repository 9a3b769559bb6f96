import os

import torch
from absl import app, flags

FLAGS = flags.FLAGS
flags.DEFINE_bool("train", False, help="train from scratch")
flags.DEFINE_bool("eval", False, help="load ckpt.pt and evaluate")
flags.DEFINE_string("logdir", "./logs/DDPM_CIFAR10", help="log directory")
flags.DEFINE_float("lr", 2e-4, help="learning rate")


def build():
    return torch.nn.Sequential(torch.nn.Conv2d(3, 64, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(64, 3, 3, padding=1))


def train():
    total_steps = int(8e5)
    net = build()
    optim = torch.optim.Adam(net.parameters(), lr=FLAGS.lr)
    for step in range(total_steps):
        x = torch.randn(8, 3, 32, 32)
        loss = ((net(x) - x) ** 2).mean()
        optim.zero_grad()
        loss.backward()
        optim.step()
    torch.save({"net": net.state_dict()}, os.path.join(FLAGS.logdir, "ckpt.pt"))


def evaluate():
    net = build()
    ckpt = torch.load(os.path.join(FLAGS.logdir, "ckpt.pt"))
    net.load_state_dict(ckpt["net"])
    print(net(torch.randn(1, 3, 32, 32)).shape)


def main(argv):
    if FLAGS.train:
        train()
    if FLAGS.eval:
        evaluate()


if __name__ == "__main__":
    app.run(main)
