#!/bin/bash
# Train the linear model on the exchange-rate data for four horizons.
for pred_len in 96 192 336 720
do
  python -u run_exp.py \
    --data_path dataset/exchange_rate.csv \
    --seq_len 336 \
    --pred_len $pred_len
done
