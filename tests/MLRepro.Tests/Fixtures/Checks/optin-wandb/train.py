"""Trains a tiny model; set wandb_log = True (or --wandb_log=True) to send metrics to W&B."""
import torch

wandb_log = False  # disabled by default
wandb_project = "tiny"
max_iters = 100

if wandb_log:
    import wandb

    wandb.init(project=wandb_project)

model = torch.nn.Linear(8, 1)
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
for it in range(max_iters):
    loss = model(torch.randn(16, 8)).pow(2).mean()
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    if it % 10 == 0:
        print(f"iter {it}: loss {loss.item():.4f}")
        if wandb_log:
            wandb.log({"iter": it, "train/loss": loss.item()})
