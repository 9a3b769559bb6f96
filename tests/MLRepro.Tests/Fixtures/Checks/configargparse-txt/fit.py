import os

import configargparse
import numpy as np


def config_parser():
    parser = configargparse.ArgumentParser()
    parser.add_argument("--config", is_config_file=True, help="config file path")
    parser.add_argument("--expname", type=str, help="experiment name")
    parser.add_argument("--datadir", type=str, default="./shapes/chair", help="input data directory")
    parser.add_argument("--n_points", type=int, default=1024, help="points sampled per step")
    parser.add_argument("--lrate", type=float, default=5e-4, help="learning rate")
    parser.add_argument("--n_iters", type=int, default=1000, help="optimisation steps")
    parser.add_argument("--random_seed", type=int, default=None, help="fix the random seed")
    return parser


def main():
    args = config_parser().parse_args()
    if args.random_seed is not None:
        np.random.seed(args.random_seed)
    cloud = np.load(os.path.join(args.datadir, "points.npy"))
    weights = np.random.randn(3, 3)
    for _ in range(args.n_iters):
        batch = cloud[np.random.choice(len(cloud), size=min(args.n_points, len(cloud)))]
        grad = 2 * batch.T @ (batch @ weights - batch) / len(batch)
        weights -= args.lrate * grad
    os.makedirs("logs", exist_ok=True)
    np.save(os.path.join("logs", f"{args.expname}_weights.npy"), weights)


if __name__ == "__main__":
    main()
