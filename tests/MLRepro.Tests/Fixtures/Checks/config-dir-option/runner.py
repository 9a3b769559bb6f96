import torch


class Runner:
    def __init__(self, args, config):
        self.args = args
        self.config = config

    def train(self):
        model = torch.nn.Linear(self.config.model.in_dim, self.config.model.out_dim)
        optimizer = torch.optim.Adam(model.parameters(), lr=self.config.optim.lr, weight_decay=self.config.optim.weight_decay)
        for epoch in range(self.config.training.n_epochs):
            for _ in range(self.config.training.batch_size):
                loss = model(torch.randn(1, self.config.model.in_dim)).sum()
                optimizer.zero_grad()
                loss.backward()
                optimizer.step()
        torch.save(model.state_dict(), self.args.exp + "/model.pt")
