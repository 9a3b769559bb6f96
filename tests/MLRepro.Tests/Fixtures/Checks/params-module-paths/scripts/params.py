from pathlib import Path

import yaml

PARAMETERS_FILE = "params.yaml"
with open(PARAMETERS_FILE) as file:
    params = yaml.safe_load(file)

ROOT_DIR = Path(params["root_dir"])
DATASET_DIR = ROOT_DIR / params["data"]["dataset"]["subdir"]
BATCH_SIZE = params["train"]["batch_size"]
LEARNING_RATE = params["train"]["learning_rate"]
