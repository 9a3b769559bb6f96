import argparse
import time

import torch

parser = argparse.ArgumentParser()
parser.add_argument("--input-file", "-i", default="names.txt")
parser.add_argument("--device", type=str, default="cpu", help="cpu, cuda, cuda:1 or mps")
args = parser.parse_args()

torch.manual_seed(3)
words = open(args.input_file).read().splitlines()
model = torch.nn.Linear(27, 27).to(args.device)
for step in range(100):
    t0 = time.time()
    x = torch.randn(32, 27, device=args.device)
    loss = model(x).pow(2).mean()
    loss.backward()
    if args.device.startswith("cuda"):
        torch.cuda.synchronize()
    print(step, loss.item(), time.time() - t0)
