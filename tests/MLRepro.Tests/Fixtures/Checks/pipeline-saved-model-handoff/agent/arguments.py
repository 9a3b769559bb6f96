import argparse


def get_args():
    parser = argparse.ArgumentParser(description='policy gradient')
    parser.add_argument('--env-name', default='CartPole-v1')
    parser.add_argument('--num-env-steps', type=int, default=10e6)
    parser.add_argument('--lr', type=float, default=7e-4)
    parser.add_argument('--seed', type=int, default=1)
    parser.add_argument('--save-dir', default='./trained_models/')
    return parser.parse_args()
