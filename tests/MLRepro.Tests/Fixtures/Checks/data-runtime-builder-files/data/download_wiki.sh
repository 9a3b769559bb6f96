#!/bin/bash
wget https://huggingface.co/datasets/example-lab/sentence-data/resolve/main/wiki1m.txt -O data/wiki1m.txt
