import argparse
from pathlib import Path

import torch
import torch.nn.functional as F
from torch.utils.data import DataLoader

from dataset import AudioDataset
from modules import Discriminator, Generator

parser = argparse.ArgumentParser()
parser.add_argument("--data_path", type=Path, default=Path("data"))
parser.add_argument("--save_path", type=Path, default=Path("checkpoints"))
parser.add_argument("--batch_size", type=int, default=16)
parser.add_argument("--epochs", type=int, default=300)
args = parser.parse_args()

netG = Generator().cuda()
netD = Discriminator().cuda()
optG = torch.optim.Adam(netG.parameters(), lr=1e-4, betas=(0.5, 0.9))
optD = torch.optim.Adam(netD.parameters(), lr=1e-4, betas=(0.5, 0.9))
loader = DataLoader(AudioDataset(args.data_path / "train_files.txt"), batch_size=args.batch_size, shuffle=True, num_workers=4)
args.save_path.mkdir(parents=True, exist_ok=True)

for epoch in range(args.epochs):
    for mel, audio in loader:
        mel, audio = mel.cuda(), audio.cuda()
        fake = netG(mel)
        loss_d = F.relu(1 - netD(audio)).mean() + F.relu(1 + netD(fake.detach())).mean()
        optD.zero_grad()
        loss_d.backward()
        optD.step()
        loss_g = -netD(fake).mean() + 10 * F.l1_loss(fake, audio)
        optG.zero_grad()
        loss_g.backward()
        optG.step()
    torch.save(netG.state_dict(), args.save_path / "netG.pt")
