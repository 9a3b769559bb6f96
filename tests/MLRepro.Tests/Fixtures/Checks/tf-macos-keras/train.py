import argus
import keras
import tensorflow as tf


def build():
    model = keras.Sequential([keras.layers.Dense(4, activation="relu"), keras.layers.Dense(1)])
    model.compile(optimizer="adam", loss="mse")
    return model


if __name__ == "__main__":
    print(tf.__version__, argus.__name__)
    build()
