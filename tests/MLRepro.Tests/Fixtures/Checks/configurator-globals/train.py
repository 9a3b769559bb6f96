import torch

# default config values; override with a config file or --key=value flags
batch_size = 12
learning_rate = 6e-4
max_iters = 600000
weight_decay = 1e-1
dropout = 0.0
n_layer = 12
seed = 1337
exec(open('configurator.py').read())  # overrides from command line or config file

torch.manual_seed(seed)
model = torch.nn.Sequential(*[torch.nn.Linear(8, 8) for _ in range(n_layer)], torch.nn.Dropout(dropout))
opt = torch.optim.AdamW(model.parameters(), lr=learning_rate, weight_decay=weight_decay)
for it in range(max_iters):
    x = torch.randn(batch_size, 8)
    loss = model(x).pow(2).mean()
    opt.zero_grad()
    loss.backward()
    opt.step()

if __name__ == "__main__":
    pass
