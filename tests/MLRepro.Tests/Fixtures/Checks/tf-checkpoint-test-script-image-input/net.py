import tensorflow as tf


def build_generator(x, reuse=False):
    with tf.variable_scope("generator", reuse=reuse):
        h = tf.layers.conv2d(x, 32, 5, padding="same", activation=tf.nn.elu)
        h = tf.layers.conv2d(h, 64, 3, padding="same", activation=tf.nn.elu)
        return tf.layers.conv2d(h, 3, 3, padding="same", activation=tf.nn.tanh)


def build_losses(real, fake):
    return tf.reduce_mean(tf.abs(real - fake))
