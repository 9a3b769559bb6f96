import torch
from torch import nn


class VanillaVAE(nn.Module):
    def __init__(self, in_channels=3, latent_dim=128, **kwargs):
        super().__init__()
        self.encoder = nn.Sequential(nn.Flatten(), nn.Linear(in_channels * 64 * 64, 2 * latent_dim))
        self.decoder = nn.Linear(latent_dim, in_channels * 64 * 64)

    def forward(self, x, **kwargs):
        mu, log_var = self.encoder(x).chunk(2, dim=1)
        z = mu + torch.randn_like(mu) * torch.exp(0.5 * log_var)
        return [self.decoder(z).view_as(x), x, mu, log_var]

    def loss_function(self, recons, x, mu, log_var, M_N=1.0):
        recons_loss = nn.functional.mse_loss(recons, x)
        kld = torch.mean(-0.5 * torch.sum(1 + log_var - mu**2 - log_var.exp(), dim=1))
        return {"loss": recons_loss + M_N * kld, "Reconstruction_Loss": recons_loss, "KLD": kld}


vae_models = {"VanillaVAE": VanillaVAE}
