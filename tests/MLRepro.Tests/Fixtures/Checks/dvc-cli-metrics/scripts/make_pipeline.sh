#!/bin/sh
# Registers the pipeline's stages in dvc.yaml.
dvc stage add -n train \
  -d stages/train.py -d data/train.csv \
  -p train.alpha \
  -o models/model.pkl \
  python stages/train.py params.yaml

dvc stage add -n evaluate \
  -d stages/evaluate.py -d data/test.csv -d models/model.pkl \
  --metrics reports/scores.json \
  python stages/evaluate.py params.yaml
