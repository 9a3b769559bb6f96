import argparse

from core.solver import Solver


def main(args):
    solver = Solver(args)
    if args.mode == 'train':
        solver.train()
    elif args.mode == 'sample':
        solver.sample()
    elif args.mode == 'eval':
        solver.evaluate()
    else:
        raise NotImplementedError


if __name__ == '__main__':
    parser = argparse.ArgumentParser()
    parser.add_argument('--mode', type=str, required=True, choices=['train', 'sample', 'eval'])
    parser.add_argument('--total_iters', type=int, default=200000)
    parser.add_argument('--resume_iter', type=int, default=0)
    parser.add_argument('--lr', type=float, default=1e-4)
    parser.add_argument('--seed', type=int, default=777)
    parser.add_argument('--checkpoint_dir', type=str, default='expr/checkpoints')
    main(parser.parse_args())
