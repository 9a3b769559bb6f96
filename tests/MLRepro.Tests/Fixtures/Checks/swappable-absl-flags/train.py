import numpy as np
import tensorflow as tf

from utils import load_data

flags = tf.app.flags
FLAGS = flags.FLAGS
flags.DEFINE_string("dataset", "cora", "Dataset string.")
flags.DEFINE_float("learning_rate", 0.01, "Initial learning rate.")
flags.DEFINE_integer("epochs", 200, "Number of epochs to train.")
flags.DEFINE_integer("hidden", 16, "Units in the hidden layer.")

np.random.seed(123)
tf.set_random_seed(123)

adj, features, labels = load_data(FLAGS.dataset)

a = tf.constant(adj / adj.sum(axis=1, keepdims=True))
x = tf.constant(features)
y = tf.constant(labels)
w1 = tf.Variable(tf.glorot_uniform_initializer()((features.shape[1], FLAGS.hidden)))
w2 = tf.Variable(tf.glorot_uniform_initializer()((FLAGS.hidden, labels.shape[1])))
logits = tf.matmul(a, tf.matmul(tf.nn.relu(tf.matmul(a, tf.matmul(x, w1))), w2))
loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=y, logits=logits))
train_op = tf.train.AdamOptimizer(FLAGS.learning_rate).minimize(loss)

with tf.Session() as sess:
    sess.run(tf.global_variables_initializer())
    for epoch in range(FLAGS.epochs):
        _, value = sess.run([train_op, loss])
    print("final loss", value)
