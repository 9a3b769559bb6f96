import json

import tensorflow as tf

from src.consts import MODEL_DIR

if __name__ == "__main__":
    model = tf.keras.models.load_model(MODEL_DIR)
    json.dump({"params": int(model.count_params())}, open("metrics.json", "w"))
