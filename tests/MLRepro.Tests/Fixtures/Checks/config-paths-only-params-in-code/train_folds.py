import json

import pandas as pd
import torch

from src import config

EXPERIMENT = "baseline_001"
BATCH_SIZE = 64
LEARNING_RATE = 3e-4
EPOCHS = 100
DROPOUT = 0.3
PATIENCE = 6
WEIGHT_DECAY = 1e-5

if __name__ == "__main__":
    torch.manual_seed(0)
    folds = pd.read_csv(config.train_csv)
    save_dir = config.experiments_dir / EXPERIMENT
    save_dir.mkdir(parents=True, exist_ok=True)
    with open(save_dir / "params.json", "w") as f:
        json.dump({"batch_size": BATCH_SIZE, "lr": LEARNING_RATE}, f)
    model = torch.nn.Sequential(torch.nn.Linear(config.n_mels, 64), torch.nn.Dropout(DROPOUT), torch.nn.Linear(64, 80))
    optimizer = torch.optim.Adam(model.parameters(), lr=LEARNING_RATE, weight_decay=WEIGHT_DECAY)
    for epoch in range(EPOCHS):
        for fold in range(config.n_folds):
            x = torch.tensor(folds.sample(BATCH_SIZE, replace=True, random_state=epoch).iloc[:, :config.n_mels].values, dtype=torch.float32)
            loss = model(x).pow(2).mean()
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
    print(config.sampling_rate, config.hop_length, PATIENCE)
