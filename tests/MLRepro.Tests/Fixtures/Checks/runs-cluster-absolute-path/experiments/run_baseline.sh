#!/bin/bash
python train.py --epochs 100 --save snapshots/baseline
