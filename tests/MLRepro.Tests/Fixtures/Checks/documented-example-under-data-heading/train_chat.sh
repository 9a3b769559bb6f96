#!/bin/bash
python main.py --train_file data/train.jsonl --prompt_column prompt --response_column response --history_column history --seed 42
