#!/bin/bash
sbatch --job-name=train --time=15:00:00 --gres=gpu:1 --partition gpu --wrap "python train.py"
