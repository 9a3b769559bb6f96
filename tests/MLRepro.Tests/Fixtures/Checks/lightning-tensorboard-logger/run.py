"""Trains a variational autoencoder chosen by a YAML config; each run logs to its own TensorBoard version folder."""
import argparse
from pathlib import Path

import yaml
from pytorch_lightning import Trainer
from pytorch_lightning.callbacks import ModelCheckpoint
from pytorch_lightning.loggers import TensorBoardLogger

from experiment import VAEExperiment
from models import vae_models

parser = argparse.ArgumentParser(description="Generic runner for VAE models")
parser.add_argument("--config", "-c", dest="filename", default="configs/vae.yaml")
args = parser.parse_args()

with open(args.filename, "r") as f:
    config = yaml.safe_load(f)

tb_logger = TensorBoardLogger(save_dir=config["logging_params"]["save_dir"], name=config["model_params"]["name"])
Path(f"{tb_logger.log_dir}/Samples").mkdir(exist_ok=True, parents=True)

model = vae_models[config["model_params"]["name"]](**config["model_params"])
experiment = VAEExperiment(model, config["exp_params"])
runner = Trainer(logger=tb_logger, callbacks=[ModelCheckpoint(dirpath=f"{tb_logger.log_dir}/checkpoints", monitor="val_loss")], **config["trainer_params"])
print(f"======= Training {config['model_params']['name']} =======")
runner.fit(experiment)
