import tensorflow as tf


class InpaintModel(tf.keras.Model):
    def __init__(self):
        super().__init__()
        self.encoder = tf.keras.Sequential([tf.keras.layers.Conv2D(32, 5, padding="same", activation="elu") for _ in range(4)])
        self.decoder = tf.keras.layers.Conv2D(3, 3, padding="same", activation="tanh")

    def call(self, x):
        return self.decoder(self.encoder(x))

    def loss(self, batch, alpha):
        return alpha * tf.reduce_mean(tf.abs(self(batch) - batch))

    def complete(self, image, mask):
        return image * (1.0 - mask / 255.0) + self(image) * (mask / 255.0)
