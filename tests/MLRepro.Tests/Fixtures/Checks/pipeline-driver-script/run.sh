#!/bin/bash
# runs the solution end to end; each step reads the files the previous ones wrote
set -e

python features/user_features.py
python features/product_features.py

cd models
python lgbm_reorder.py
python nn_reorder.py
cd ..

python blend.py
