"""Serves the trained classifier: POST an image to /classify."""
from io import BytesIO

import joblib
import numpy as np
from fastapi import FastAPI, File
from PIL import Image
from src.image_ops import center_square

app = FastAPI()
model = joblib.load("models/classifier.joblib")


@app.post("/classify")
async def classify(file: bytes = File(...)):
    img = center_square(Image.open(BytesIO(file)).convert("L"), 32)
    return {"label": int(model.predict(np.asarray(img).reshape(1, -1))[0])}
