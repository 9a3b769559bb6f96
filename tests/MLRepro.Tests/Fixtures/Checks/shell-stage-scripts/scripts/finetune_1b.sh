#!/bin/bash
python tune.py \
    --model EleutherAI/pythia-1b \
    --do_train \
    --output_dir ./output/pythia-1b
