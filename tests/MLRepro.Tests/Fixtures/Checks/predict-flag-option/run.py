"""Long-horizon time-series forecasting with a linear model."""
import argparse

import numpy as np
import torch

from exp.exp_main import ExpMain

parser = argparse.ArgumentParser(description="Linear models for time-series forecasting")
parser.add_argument("--is_training", type=int, default=1, help="status")
parser.add_argument("--root_path", type=str, default="./dataset/", help="root path of the data file")
parser.add_argument("--data_path", type=str, default="ETTh1.csv", help="data file")
parser.add_argument("--target", type=str, default="OT", help="target feature")
parser.add_argument("--seq_len", type=int, default=336, help="input sequence length")
parser.add_argument("--pred_len", type=int, default=96, help="prediction sequence length")
parser.add_argument("--train_epochs", type=int, default=10, help="train epochs")
parser.add_argument("--learning_rate", type=float, default=0.005, help="optimizer learning rate")
parser.add_argument("--checkpoints", type=str, default="./checkpoints/", help="location of model checkpoints")
parser.add_argument("--do_predict", action="store_true", help="whether to predict unseen future data")
args = parser.parse_args()

torch.manual_seed(2021)
np.random.seed(2021)

setting = f"{args.data_path[:-4]}_sl{args.seq_len}_pl{args.pred_len}"
exp = ExpMain(args)
if args.is_training:
    exp.train(setting)
    exp.test(setting)
if args.do_predict:
    exp.predict(setting, load=True)
