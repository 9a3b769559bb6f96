"""Plots finished runs."""
import wandb

api = wandb.Api()
runs = api.runs("team/iris")
print([r.summary.get("accuracy") for r in runs])
