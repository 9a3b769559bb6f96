import argparse
import json

import tensorflow as tf
import yaml


class Detector(tf.keras.Model):
    def __init__(self, **units):
        super().__init__()
        self.blocks = [tf.keras.layers.Dense(u) for u in units.values()]
        self.norm = tf.keras.layers.BatchNormalization(epsilon=0.001)
        self.act = tf.keras.layers.LeakyReLU(alpha=0.1)

    def call(self, x):
        for b in self.blocks:
            x = self.act(self.norm(b(x)))
        return x


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("-c", "--conf", default="config.yaml")
    cfg = yaml.safe_load(open(parser.parse_args().conf))
    train = cfg["train"]
    tf.keras.utils.set_random_seed(0)
    model = Detector(**cfg["model"])
    model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=train["learning_rate"], weight_decay=train["weight_decay"], clipnorm=train["grad_clip"]), loss="mse")
    data = tf.keras.utils.image_dataset_from_directory(train["data_dir"], image_size=(train["image_size"], train["image_size"]), batch_size=train["batch_size"], seed=0)
    callbacks = [tf.keras.callbacks.EarlyStopping(patience=7), tf.keras.callbacks.ReduceLROnPlateau(patience=2)]
    history = model.fit(data, epochs=train["epochs"], callbacks=callbacks, validation_freq=train["val_interval"], initial_epoch=train["warmup_epochs"] * 0)
    json.dump(history.history, open(f"{train['output_dir']}/metrics.json", "w"))
