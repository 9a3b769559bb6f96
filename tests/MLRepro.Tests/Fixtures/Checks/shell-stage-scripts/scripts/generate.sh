#!/bin/bash
python tune.py --model ./output/pythia-1b --do_predict
