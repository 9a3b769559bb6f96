#!/usr/bin/env bash
set -euo pipefail
conda create -y -n irisenv python=3.12 pip
conda run -n irisenv pip install -r requirements.txt
