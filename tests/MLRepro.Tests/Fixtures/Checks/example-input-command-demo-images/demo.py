import argparse
import os

import torch
from PIL import Image
from torchvision import transforms

from modules.model import Recognizer

CHARS = "-0123456789abcdefghijklmnopqrstuvwxyz"


def decode(logits):
    best = logits.argmax(-1).tolist()
    return "".join(CHARS[i] for i in best if i > 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--image_folder", required=True)
    parser.add_argument("--saved_model", required=True)
    opt = parser.parse_args()
    device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
    model = Recognizer().to(device)
    model.load_state_dict(torch.load(opt.saved_model, map_location=device))
    model.eval()
    to_tensor = transforms.Compose([transforms.Resize((32, 100)), transforms.ToTensor()])
    for name in sorted(os.listdir(opt.image_folder)):
        img = Image.open(os.path.join(opt.image_folder, name)).convert("L")
        with torch.no_grad():
            pred = decode(model(to_tensor(img).unsqueeze(0).to(device))[0])
        print(f"{name}\t{pred}")


if __name__ == "__main__":
    main()
