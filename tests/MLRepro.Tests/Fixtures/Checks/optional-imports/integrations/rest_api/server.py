import argparse

import torch
from flask import Flask, request

app = Flask(__name__)
model = torch.nn.Linear(4, 1)


@app.route("/predict", methods=["POST"])
def predict():
    x = torch.tensor(request.json["x"], dtype=torch.float32)
    return {"y": model(x).tolist()}


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", type=int, default=5000)
    app.run(port=parser.parse_args().port)
