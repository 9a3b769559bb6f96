import hydra
import lightning as L
from omegaconf import DictConfig


@hydra.main(version_base="1.3", config_path="../configs", config_name="train.yaml")
def main(cfg: DictConfig) -> None:
    L.seed_everything(cfg.seed, workers=True)
    callbacks = [hydra.utils.instantiate(c) for c in cfg.get("callbacks", {}).values()]
    loggers = [hydra.utils.instantiate(c) for c in cfg.get("logger", {}).values()]
    model = hydra.utils.instantiate(cfg.model)
    trainer = L.Trainer(callbacks=callbacks, logger=loggers, max_epochs=cfg.trainer.max_epochs)
    trainer.fit(model)


if __name__ == "__main__":
    main()
