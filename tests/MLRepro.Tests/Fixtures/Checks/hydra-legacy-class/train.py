import random

import hydra
import numpy as np
import torch


@hydra.main(config_path="config.yaml")
def main(cfg):
    random.seed(cfg.seed)
    np.random.seed(cfg.seed)
    torch.manual_seed(cfg.seed)
    print(f"training on {cfg.env}")
    agent = hydra.utils.instantiate(cfg.agent)
    for _ in range(cfg.num_train_steps):
        agent.update()
    torch.save(agent.critic.state_dict(), "critic.pt")


if __name__ == "__main__":
    main()
