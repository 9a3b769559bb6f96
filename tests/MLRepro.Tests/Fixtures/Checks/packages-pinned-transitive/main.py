"""Trains a small denoising diffusion model on CIFAR-10 and writes sample grids."""
import os

import numpy as np
import torch
from absl import app, flags
from scipy import linalg
from tensorboardX import SummaryWriter
from torchvision import datasets, transforms
from torchvision.utils import save_image
from tqdm import trange

FLAGS = flags.FLAGS
flags.DEFINE_integer("total_steps", 800000, "training steps")
flags.DEFINE_float("lr", 2e-4, "learning rate")
flags.DEFINE_string("logdir", "./logs/DDPM_CIFAR10", "log directory")
flags.DEFINE_integer("seed", 0, "random seed")


def frechet_distance(mu1, sigma1, mu2, sigma2):
    covmean, _ = linalg.sqrtm(sigma1.dot(sigma2), disp=False)
    return float(np.sum((mu1 - mu2) ** 2) + np.trace(sigma1 + sigma2 - 2 * covmean.real))


def main(argv):
    torch.manual_seed(FLAGS.seed)
    np.random.seed(FLAGS.seed)
    data = datasets.CIFAR10("./data", train=True, download=True, transform=transforms.ToTensor())
    loader = torch.utils.data.DataLoader(data, batch_size=128, shuffle=True)
    net = torch.nn.Sequential(torch.nn.Conv2d(3, 64, 3, padding=1), torch.nn.ReLU(), torch.nn.Conv2d(64, 3, 3, padding=1))
    optim = torch.optim.Adam(net.parameters(), lr=FLAGS.lr)
    os.makedirs(os.path.join(FLAGS.logdir, "sample"), exist_ok=True)
    writer = SummaryWriter(FLAGS.logdir)
    batches = iter(loader)
    for step in trange(FLAGS.total_steps):
        x, _ = next(batches)
        noise = torch.randn_like(x)
        loss = torch.nn.functional.mse_loss(net(x + noise), noise)
        optim.zero_grad()
        loss.backward()
        optim.step()
        writer.add_scalar("loss", loss.item(), step)
        if step % 5000 == 0:
            save_image(net(torch.randn(64, 3, 32, 32)), os.path.join(FLAGS.logdir, "sample", f"{step}.png"))


if __name__ == "__main__":
    app.run(main)
