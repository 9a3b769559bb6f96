"""autoencoder example."""
import numpy as np
import tensorflow as tf

rng = np.random.default_rng(2)
images = rng.random((64, 28, 28, 1)).astype("float32")
model = tf.keras.Sequential([tf.keras.layers.Flatten(), tf.keras.layers.Dense(10)])
predictions = model(images)
print(predictions.shape)
