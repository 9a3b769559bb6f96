import wandb

if __name__ == "__main__":
    run = wandb.init(project="demo-monitoring", entity="alice")
    run.log({"drift": 0.1})
    run.finish()
