"""Keras re-implementation of the PyTorch detector, used only to export trained weights to TFLite."""
import tensorflow as tf
from tensorflow import keras


class TFConv(keras.layers.Layer):
    def __init__(self, c2, k, s=1, w=None):
        super().__init__()
        self.conv = keras.layers.Conv2D(
            filters=c2,
            kernel_size=k,
            strides=s,
            padding="SAME",
            use_bias=True,
            kernel_initializer=keras.initializers.Constant(w.weight.permute(2, 3, 1, 0).numpy()),
            bias_initializer=keras.initializers.Constant(w.bias.numpy()),
        )

    def call(self, inputs):
        return tf.nn.relu(self.conv(inputs))


class TFHead(keras.layers.Layer):
    def __init__(self, n, w=None):
        super().__init__()
        self.dense = keras.layers.Dense(n, kernel_initializer="zeros", bias_initializer="zeros")

    def call(self, inputs):
        return self.dense(inputs)
