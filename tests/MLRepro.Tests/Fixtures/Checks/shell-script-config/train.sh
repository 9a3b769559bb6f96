#!/bin/bash
# Trains three models with different seeds for the ensemble.
DATA_DIR=$1
for SEED in 11 22 33; do
python -u training/train_classifier.py \
  --config configs/effnet_b3.json --fold 0 \
  --seed $SEED --data-dir $DATA_DIR --prefix b3_${SEED}_
done
