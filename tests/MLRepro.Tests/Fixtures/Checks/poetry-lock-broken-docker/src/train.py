import numpy as np
import yaml

if __name__ == "__main__":
    with open("params.yaml") as f:
        params = yaml.safe_load(f)
    rng = np.random.default_rng(params["seed"])
    print(rng.normal(size=3))
