import sys

import numpy as np
from tensorflow import keras

if __name__ == "__main__":
    run = sys.argv[1] if len(sys.argv) > 1 else "run1"
    keras.utils.set_random_seed(0)
    x = np.random.rand(64, 4)
    y = (x.sum(axis=1) > 2).astype("float32")
    model = keras.Sequential([keras.layers.Dense(8, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    model.compile(optimizer="adam", loss="binary_crossentropy", metrics=["accuracy"])
    model.fit(x, y, epochs=5, callbacks=[keras.callbacks.CSVLogger(f"runs/{run}/history.csv")])
    print("accuracy", model.evaluate(x, y)[1])
