import os

BASE = os.getcwd()
MODEL_DIR = os.path.join(BASE, "model")
CHECKPOINT_DIR = os.path.join(BASE, "checkpoints")
