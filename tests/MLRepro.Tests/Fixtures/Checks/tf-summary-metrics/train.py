"""Fits a tiny regression with TensorFlow and writes loss summaries for TensorBoard."""
import tensorflow as tf

tf.random.set_seed(0)
writer = tf.summary.create_file_writer("logs/run")
w = tf.Variable(0.0)
opt = tf.keras.optimizers.SGD(0.1)
x = tf.constant([1.0, 2.0, 3.0])
y = 2.0 * x
for step in range(100):
    with tf.GradientTape() as tape:
        loss = tf.reduce_mean((w * x - y) ** 2)
    opt.apply_gradients([(tape.gradient(loss, w), w)])
    with writer.as_default():
        tf.summary.scalar("loss", loss, step=step)
