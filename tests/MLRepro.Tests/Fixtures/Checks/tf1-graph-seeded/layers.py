import numpy as np
import tensorflow as tf


def glorot(shape, name=None):
    """Glorot & Bengio (AISTATS 2010) init."""
    init_range = np.sqrt(6.0 / (shape[0] + shape[1]))
    initial = tf.random_uniform(shape, minval=-init_range, maxval=init_range, dtype=tf.float32)
    return tf.Variable(initial, name=name)


class GraphLayer(object):
    def __init__(self, input_dim, output_dim, dropout=0.5):
        self.weights = glorot([input_dim, output_dim], name='weights')
        self.dropout = dropout

    def __call__(self, inputs):
        x = tf.nn.dropout(inputs, 1 - self.dropout)
        return tf.nn.relu(tf.matmul(x, self.weights))
