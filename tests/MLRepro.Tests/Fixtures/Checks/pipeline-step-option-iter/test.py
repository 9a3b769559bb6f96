import argparse

import torch

from dataset import LmdbDataset
from model import Recognizer

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")

if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--eval_data", required=True)
    parser.add_argument("--saved_model", required=True)
    parser.add_argument("--num_class", type=int, default=37)
    opt = parser.parse_args()
    model = Recognizer(opt.num_class).to(device)
    model.load_state_dict(torch.load(opt.saved_model, map_location=device))
    model.eval()
    correct = total = 0
    with torch.no_grad():
        for images, targets, lengths in torch.utils.data.DataLoader(LmdbDataset(opt.eval_data), batch_size=256):
            preds = model(images.to(device)).argmax(2).permute(1, 0).cpu()
            correct += sum(int(p[:n].tolist() == t[:n].tolist()) for p, t, n in zip(preds, targets, lengths))
            total += len(lengths)
    print(f"accuracy: {correct / max(total, 1):.4f}")
