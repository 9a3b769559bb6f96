#!/usr/bin/env bash
# Fetch every dataset used in the paper.
set -euo pipefail
mkdir -p data/raw

wget -q https://storage.example.org/leafnet/plantvillage_v2.tar.gz -O data/raw/pv.tar.gz
curl -L -o data/raw/labels.csv "https://raw.githubusercontent.com/acme/leafnet-data/main/labels.csv?raw=1"
curl -sSL https://api.example.org/export/latest > data/raw/export.bin

kaggle datasets download -d abdallahalidev/plantvillage-dataset -p data/raw --unzip
kaggle competitions download -c plant-pathology-2021-fgvc8
huggingface-cli download --repo-type dataset acme/leaf-captions --local-dir data/captions
huggingface-cli download acme/leafnet-resnet50 model.safetensors
gdown https://drive.google.com/uc?id=1AbCdEfGhIjKlMnOp
aws s3 cp s3://acme-ml-datasets/leafnet/extra/ data/extra --recursive
dvc get https://github.com/iterative/dataset-registry get-started/data.xml -o data/data.xml
dolt clone dolthub/us-businesses
