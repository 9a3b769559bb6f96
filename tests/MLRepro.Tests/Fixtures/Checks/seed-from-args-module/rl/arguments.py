import argparse

import torch


def get_args():
    parser = argparse.ArgumentParser(description='A2C')
    parser.add_argument('--env-name', default='CartPole-v1')
    parser.add_argument('--lr', type=float, default=7e-4)
    parser.add_argument('--gamma', type=float, default=0.99)
    parser.add_argument('--seed', type=int, default=1, help='random seed (default: 1)')
    parser.add_argument('--num-steps', type=int, default=5)
    parser.add_argument('--no-cuda', action='store_true', default=False)
    args = parser.parse_args()
    args.cuda = not args.no_cuda and torch.cuda.is_available()
    return args
