import argparse

import torch

from metrics.evaluate import calculate_fid


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--val_dir', default='data/val')
    parser.add_argument('--eval_dir', default='expr/eval')
    parser.add_argument('--total_iters', type=int, default=1000)
    parser.add_argument('--eval_every', type=int, default=500)
    args = parser.parse_args()
    nets = torch.nn.Linear(8, 8)
    for step in range(1, args.total_iters + 1):
        loss = nets(torch.randn(4, 8)).pow(2).mean()
        print('iter %d loss %.4f' % (step, loss.item()))
        if step % args.eval_every == 0:
            calculate_fid(nets, args, step, mode='latent')


if __name__ == '__main__':
    main()
