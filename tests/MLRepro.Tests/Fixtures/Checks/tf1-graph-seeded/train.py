"""Two-layer graph network on a citation graph, TensorFlow 1.x style."""
import numpy as np
import tensorflow as tf

from layers import GraphLayer

seed = 123
np.random.seed(seed)
tf.set_random_seed(seed)

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_float('learning_rate', 0.01, 'Initial learning rate.')
flags.DEFINE_integer('epochs', 200, 'Number of epochs to train.')
flags.DEFINE_integer('hidden1', 16, 'Number of units in hidden layer 1.')


def main():
    features = tf.placeholder(tf.float32, shape=(None, 1433))
    labels = tf.placeholder(tf.float32, shape=(None, 7))
    hidden = GraphLayer(1433, FLAGS.hidden1)(features)
    logits = GraphLayer(FLAGS.hidden1, 7)(hidden)
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits(logits=logits, labels=labels))
    opt = tf.train.AdamOptimizer(learning_rate=FLAGS.learning_rate).minimize(loss)
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(FLAGS.epochs):
            sess.run(opt, feed_dict={features: np.zeros((1, 1433)), labels: np.zeros((1, 7))})


if __name__ == '__main__':
    main()
