import os
import pickle

from flask import Flask, request

app = Flask(__name__)


@app.route("/train", methods=["GET"])
def train():
    os.system("python main.py")
    return "Training done"


@app.route("/predict", methods=["POST"])
def predict():
    with open("model.pkl", "rb") as f:
        model = pickle.load(f)
    return str(model.predict([request.json["features"]])[0])


if __name__ == "__main__":
    app.run(host="0.0.0.0", port=8080)
