import torch

from model import Synthesizer


def main():
    model = Synthesizer()
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    x = torch.randint(0, 64, (8, 20))
    for _ in range(10):
        loss = model(x).pow(2).mean()
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
    torch.save({"state_dict": model.state_dict()}, "synth_statedict.pt")


if __name__ == "__main__":
    main()
