import argparse

import numpy as np
import tensorflow as tf
import yaml


def build_model(width):
    inputs = tf.keras.Input(shape=(3,))
    hidden = tf.keras.layers.Dense(width, activation="relu")(inputs)
    outputs = tf.keras.layers.Dense(4)(hidden)
    return tf.keras.Model(inputs, outputs)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config", default="scene.yaml")
    args = parser.parse_args()
    with open(args.config) as f:
        cfg = yaml.safe_load(f)
    np.random.seed(cfg["seed"])
    tf.compat.v1.set_random_seed(cfg["seed"])
    model = build_model(256)
    optimizer = tf.keras.optimizers.Adam(cfg["learning_rate"])
    points = np.random.rand(cfg["batch_size"], 3).astype("float32")
    for _ in range(cfg["n_iters"]):
        with tf.GradientTape() as tape:
            loss = tf.reduce_mean(tf.square(model(points)))
        grads = tape.gradient(loss, model.trainable_variables)
        optimizer.apply_gradients(zip(grads, model.trainable_variables))
    model.save_weights("scene_weights.h5")


if __name__ == "__main__":
    main()
