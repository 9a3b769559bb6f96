import argparse
import os

import numpy as np
import pandas as pd


def windows(series, seq_len, pred_len):
    xs, ys = [], []
    for start in range(len(series) - seq_len - pred_len):
        xs.append(series[start:start + seq_len])
        ys.append(series[start + seq_len:start + seq_len + pred_len])
    return np.array(xs), np.array(ys)


def main():
    parser = argparse.ArgumentParser(description="Linear long-horizon forecaster")
    parser.add_argument("--data_path", default="dataset/exchange_rate.csv")
    parser.add_argument("--seq_len", type=int, default=336)
    parser.add_argument("--pred_len", type=int, default=96)
    args = parser.parse_args()

    frame = pd.read_csv(args.data_path)
    series = frame["OT"].to_numpy(dtype=np.float64)
    split = int(len(series) * 0.7)
    x_train, y_train = windows(series[:split], args.seq_len, args.pred_len)
    x_test, y_test = windows(series[split:], args.seq_len, args.pred_len)

    weights, *_ = np.linalg.lstsq(x_train, y_train, rcond=None)
    mse = float(np.mean((x_test @ weights - y_test) ** 2))

    os.makedirs("results", exist_ok=True)
    with open(os.path.join("results", f"linear_{args.pred_len}.txt"), "w") as out:
        out.write(f"mse {mse:.6f}\n")
    print(f"pred_len={args.pred_len} mse={mse:.6f}")


if __name__ == "__main__":
    main()
