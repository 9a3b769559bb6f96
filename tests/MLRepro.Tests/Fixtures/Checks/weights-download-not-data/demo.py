from pathlib import Path

import gdown
import torch

model_path = Path("experiments") / "final" / "model-best.pth"
if not model_path.exists():
    model_path.parent.mkdir(parents=True, exist_ok=True)
    gdown.download('https://drive.google.com/uc?id=1AbCdEfGhIjKlMnOpQrStUvWxYz012345',
                   str(model_path), quiet=False)

state = torch.load(model_path)
print(sorted(state))
