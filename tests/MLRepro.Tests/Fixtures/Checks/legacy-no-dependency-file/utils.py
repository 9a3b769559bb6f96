import torch


def train_epoch(loader, model, criterion, optimizer):
    loss_sum = 0.0
    model.train()
    for input, target in loader:
        output = model(input)
        loss = criterion(output, target)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        loss_sum += loss.data[0] * input.size(0)
    return {"loss": loss_sum / len(loader.dataset)}


def save_checkpoint(dir, epoch, **kwargs):
    state = {"epoch": epoch}
    state.update(kwargs)
    torch.save(state, "%s/checkpoint-%d.pt" % (dir, epoch))
