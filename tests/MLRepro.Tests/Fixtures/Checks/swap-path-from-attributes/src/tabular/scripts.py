import argparse

import omegaconf
import pydantic as pdt

from tabular import jobs

parser = argparse.ArgumentParser(description="Run a job from YAML configs.")
parser.add_argument("files", nargs="*", help="config files")


class Settings(pdt.BaseModel):
    job: jobs.TrainingJob = pdt.Field(..., discriminator="KIND")


def main(argv=None) -> int:
    args = parser.parse_args(argv)
    configs = [omegaconf.OmegaConf.load(f) for f in args.files]
    config = omegaconf.OmegaConf.merge(*configs)
    settings = Settings.model_validate(omegaconf.OmegaConf.to_container(config, resolve=True))
    print(settings.job.run())
    return 0


if __name__ == "__main__":
    main()
