#!/bin/sh
tag=v1.0
mkdir -p weights
wget -O weights/classifier_fold0 https://github.com/example-org/clip-classifier/releases/download/$tag/classifier_fold0
wget -O weights/classifier_fold1 https://github.com/example-org/clip-classifier/releases/download/$tag/classifier_fold1
