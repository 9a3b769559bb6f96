import hydra
import torch


class Critic(torch.nn.Module):
    def __init__(self, hidden_dim):
        super().__init__()
        self.q = torch.nn.Sequential(torch.nn.Linear(6, hidden_dim), torch.nn.ReLU(), torch.nn.Linear(hidden_dim, 1))

    def forward(self, x):
        return self.q(x)


class SACAgent:
    def __init__(self, lr, batch_size, critic_cfg):
        self.critic = hydra.utils.instantiate(critic_cfg)
        self.batch_size = batch_size
        self.optimizer = torch.optim.Adam(self.critic.parameters(), lr=lr)

    def update(self):
        x = torch.randn(self.batch_size, 6)
        loss = self.critic(x).pow(2).mean()
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
