import numpy as np
import tensorflow as tf
from absl import app, flags
from PIL import Image

FLAGS = flags.FLAGS
flags.DEFINE_integer("steps", 1000, "training steps")


def main(_):
    tf.random.set_random_seed(0)
    np.random.seed(0)
    z = tf.random.normal([16, 64])
    img = tf.layers.dense(z, 28 * 28, activation=tf.nn.tanh)
    loss = tf.reduce_mean(tf.square(img))
    step = tf.train.AdamOptimizer(1e-4).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(FLAGS.steps):
            sess.run(step)
        out = sess.run(img)[0].reshape(28, 28)
    Image.fromarray(((out + 1) * 127.5).astype(np.uint8)).save("sample.png")


if __name__ == "__main__":
    app.run(main)
