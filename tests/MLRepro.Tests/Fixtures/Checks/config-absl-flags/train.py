"""Trains a two-layer graph network; hyperparameters are command-line flags."""
import numpy as np
import tensorflow as tf

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string('dataset', 'cora', 'Dataset string.')
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_integer('hidden1', 16, 'Number of units in hidden layer 1.')
flags.DEFINE_float('dropout', 0.5, 'Dropout rate (1 - keep probability).')


def main(_):
    features = np.load("data/{}.features.npy".format(FLAGS.dataset))
    x = tf.placeholder(tf.float32, shape=features.shape)
    hidden = tf.layers.dense(x, FLAGS.hidden1, activation=tf.nn.relu)
    hidden = tf.nn.dropout(hidden, rate=FLAGS.dropout)
    out = tf.layers.dense(hidden, 7)
    loss = tf.reduce_mean(tf.square(out))
    step = tf.train.AdamOptimizer(FLAGS.learning_rate).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for _ in range(FLAGS.epochs):
            sess.run(step, feed_dict={x: features})


if __name__ == "__main__":
    tf.app.run()
