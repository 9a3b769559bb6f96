#!/usr/bin/env bash
set -euo pipefail
# create the environment used in the paper
conda create -y -n repro python=3.9
conda install -y -n repro -c pytorch pytorch==1.12.1 torchvision==0.13.1 cudatoolkit=11.3
python -m pip install -U pip setuptools
pip install -r requirements/train.txt && pip install 'jax[cuda11_pip]==0.4.13' \
    -f https://storage.googleapis.com/jax-releases/jax_cuda_releases.html
pip3 install --user "git+https://github.com/google/flax.git@v0.7.2#egg=flax"  # pinned
uv pip install polars==0.19.19 > /dev/null
echo "pip install notreal"  # quoted, but still a command for us? no: inside echo
pip install $EXTRA
