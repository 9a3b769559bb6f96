"""Trains a GAN on MNIST; --epoch N resumes from the checkpoint saved after epoch N."""
import argparse
import os

import torch
import torch.nn as nn
from torchvision import datasets, transforms

parser = argparse.ArgumentParser()
parser.add_argument("--epoch", type=int, default=0, help="epoch to start training from")
parser.add_argument("--n_epochs", type=int, default=200, help="number of epochs of training")
parser.add_argument("--dataset_name", type=str, default="mnist", help="name of the dataset")
parser.add_argument("--lr", type=float, default=0.0002, help="adam: learning rate")
parser.add_argument("--sample_interval", type=int, default=400, help="interval between image samples")
opt = parser.parse_args()

os.makedirs("saved_models/%s" % opt.dataset_name, exist_ok=True)
generator = nn.Sequential(nn.Linear(100, 784), nn.Tanh())
discriminator = nn.Sequential(nn.Linear(784, 1), nn.Sigmoid())
if opt.epoch != 0:
    generator.load_state_dict(torch.load("saved_models/%s/generator_%d.pth" % (opt.dataset_name, opt.epoch)))
    discriminator.load_state_dict(torch.load("saved_models/%s/discriminator_%d.pth" % (opt.dataset_name, opt.epoch)))

loader = torch.utils.data.DataLoader(datasets.MNIST("../data", train=True, download=True, transform=transforms.ToTensor()), batch_size=64, shuffle=True)
optimizer_G = torch.optim.Adam(generator.parameters(), lr=opt.lr)
adversarial_loss = nn.BCELoss()


def sample_images(batches_done):
    z = torch.randn(25, 100)
    return generator(z).view(25, 1, 28, 28)


for epoch in range(opt.epoch, opt.n_epochs):
    for i, (imgs, _) in enumerate(loader):
        z = torch.randn(imgs.shape[0], 100)
        g_loss = adversarial_loss(discriminator(generator(z)), torch.ones(imgs.shape[0], 1))
        optimizer_G.zero_grad()
        g_loss.backward()
        optimizer_G.step()
        if i % opt.sample_interval == 0:
            sample_images(i)
    torch.save(generator.state_dict(), "saved_models/%s/generator_%d.pth" % (opt.dataset_name, epoch))
