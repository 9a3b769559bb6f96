import torch


class Predictor:
    def __init__(self, model_path, device="cpu"):
        self.model = torch.load(model_path, map_location=device)
        self.model.eval()

    def predict(self, spectrogram):
        with torch.no_grad():
            return torch.sigmoid(self.model(torch.as_tensor(spectrogram)[None])).numpy()
