import hydra
import pandas as pd
from hydra.utils import instantiate
from omegaconf import DictConfig


@hydra.main(version_base=None, config_path="conf", config_name="config")
def main(cfg: DictConfig) -> None:
    df = pd.read_csv(cfg.data.path)
    model = instantiate(cfg.model)
    model.fit(df.drop(columns=[cfg.data.label]), df[cfg.data.label])


if __name__ == "__main__":
    main()
