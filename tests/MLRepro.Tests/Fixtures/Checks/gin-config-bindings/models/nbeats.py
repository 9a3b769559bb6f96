import gin
import torch
from torch import nn


@gin.configurable
def build(history_size, horizon, lookback, layers, dropout):
    width = history_size * horizon * lookback
    blocks = []
    for size in layers:
        blocks += [nn.Linear(width, size), nn.ReLU(), nn.Dropout(dropout)]
        width = size
    return nn.Sequential(*blocks, nn.Linear(width, horizon))


@gin.configurable
def trainer(model, data, learning_rate, iterations, batch_size):
    optimizer = torch.optim.Adam(model.parameters(), lr=learning_rate)
    for step in range(iterations):
        x, y = data.sample(batch_size)
        loss = (model(x) - y).abs().mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    return model
