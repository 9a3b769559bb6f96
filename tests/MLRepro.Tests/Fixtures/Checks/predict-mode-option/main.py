import argparse

import torch
from torchvision import datasets, transforms

from core.solver import Solver


def loader(root, batch_size):
    tf = transforms.Compose([transforms.Resize(256), transforms.ToTensor()])
    return torch.utils.data.DataLoader(datasets.ImageFolder(root, tf), batch_size=batch_size)


def main(args):
    torch.manual_seed(args.seed)
    solver = Solver(args)
    if args.mode == 'train':
        solver.train(loader(args.train_img_dir, args.batch_size))
    elif args.mode == 'sample':
        solver.sample(loader(args.src_dir, 1), loader(args.ref_dir, 1))
    else:
        raise NotImplementedError


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--mode', type=str, required=True, choices=['train', 'sample'])
    parser.add_argument('--seed', type=int, default=777)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--batch_size', type=int, default=8)
    parser.add_argument('--resume_iter', type=int, default=0)
    parser.add_argument('--train_img_dir', type=str, default='data/train')
    parser.add_argument('--src_dir', type=str, default='assets/src')
    parser.add_argument('--ref_dir', type=str, default='assets/ref')
    parser.add_argument('--result_dir', type=str, default='expr/results')
    parser.add_argument('--checkpoint_dir', type=str, default='expr/checkpoints')
    main(parser.parse_args())
