import argparse
import os

import torch
import torch.nn.functional as F

from vocoder.modules import Discriminator, Generator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--data_path", default="data/wavs")
    parser.add_argument("--save_path", default="logs/run1")
    parser.add_argument("--epochs", type=int, default=3000)
    args = parser.parse_args()

    torch.manual_seed(1234)
    netG = Generator().cuda()
    netD = Discriminator().cuda()
    optG = torch.optim.Adam(netG.parameters(), lr=1e-4, betas=(0.5, 0.9))
    optD = torch.optim.Adam(netD.parameters(), lr=1e-4, betas=(0.5, 0.9))
    batches = torch.load(os.path.join(args.data_path, "batches.pt"))
    for _ in range(args.epochs):
        for mel, audio in batches:
            fake = netG(mel.cuda())
            loss_d = F.relu(1 - netD(audio.cuda().unsqueeze(1))).mean() + F.relu(1 + netD(fake.detach())).mean()
            optD.zero_grad()
            loss_d.backward()
            optD.step()
            loss_g = -netD(fake).mean()
            optG.zero_grad()
            loss_g.backward()
            optG.step()
    os.makedirs(args.save_path, exist_ok=True)
    torch.save(netG.state_dict(), os.path.join(args.save_path, "netG.pt"))


if __name__ == "__main__":
    main()
