import numpy as np
import torch
import yaml


class Agent(torch.nn.Module):
    def __init__(self, obs_dim, act_dim):
        super().__init__()
        self.net = torch.nn.Sequential(torch.nn.Linear(obs_dim, 64), torch.nn.Tanh(), torch.nn.Linear(64, act_dim))

    def forward(self, obs):
        return self.net(obs)


def main():
    with open("config.yaml") as f:
        cfg = yaml.safe_load(f)
    np.random.seed(cfg["seed"])
    torch.manual_seed(cfg["seed"])
    device = torch.device(cfg["device"])
    agent = Agent(8, 2).to(device)
    opt = torch.optim.Adam(agent.parameters(), lr=cfg["lr"])
    for _ in range(cfg["num_train_steps"]):
        obs = torch.as_tensor(np.random.randn(cfg["batch_size"], 8), device=device).float()
        loss = agent(obs).pow(2).mean()
        opt.zero_grad()
        loss.backward()
        opt.step()
    torch.save(agent.state_dict(), "agent.pt")


if __name__ == "__main__":
    main()
