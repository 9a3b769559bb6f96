#!/bin/bash
torchrun --nproc_per_node=4 run_sft.py \
    --model_name_or_path EleutherAI/polyglot-ko-1.3b \
    --train_file data/instructions.jsonl \
    --num_train_epochs 2 \
    --per_device_train_batch_size 4 \
    --learning_rate 2e-5 \
    --fp16 \
    --output_dir ./sft-out
