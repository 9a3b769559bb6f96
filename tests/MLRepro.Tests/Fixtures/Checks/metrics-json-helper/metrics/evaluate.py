import os

import numpy as np
import torch

from core import utils


@torch.no_grad()
def frechet_distance(mu1, sigma1, mu2, sigma2):
    diff = mu1 - mu2
    return float(diff.dot(diff) + np.trace(sigma1 + sigma2))


@torch.no_grad()
def calculate_fid(nets, args, step, mode):
    fid_values = {}
    for domain in sorted(os.listdir(args.val_dir)):
        mu, cov = np.zeros(8), np.eye(8)
        fid_values['%s_%s' % (mode, domain)] = frechet_distance(mu, cov, mu, cov)
    filename = os.path.join(args.eval_dir, 'FID_%.5i_%s.json' % (step, mode))
    utils.save_json(fid_values, filename)
    return fid_values
