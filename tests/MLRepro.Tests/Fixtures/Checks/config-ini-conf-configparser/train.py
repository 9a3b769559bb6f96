"""Train the agent with the settings of config.conf."""
import numpy as np
import torch

from config import default_config


def main():
    torch.manual_seed(1)
    np.random.seed(1)
    lr = float(default_config['LearningRate'])
    num_env = int(default_config['NumEnv'])
    num_step = int(default_config['NumStep'])
    gamma = float(default_config['Gamma'])
    lam = float(default_config['Lambda'])
    epoch = int(default_config['Epoch'])
    mini_batch = int(default_config['MiniBatch'])
    entropy = float(default_config['Entropy'])
    use_gpu = default_config.getboolean('UseGPU')
    env_id = default_config['EnvID']
    max_step = int(default_config['MaxStepPerEpisode'])
    method = default_config['TrainMethod']
    model = torch.nn.Linear(num_env, num_step)
    opt = torch.optim.Adam(model.parameters(), lr=lr)
    print(method, env_id, max_step, gamma, lam, epoch, mini_batch, entropy, use_gpu, opt)


if __name__ == '__main__':
    main()
