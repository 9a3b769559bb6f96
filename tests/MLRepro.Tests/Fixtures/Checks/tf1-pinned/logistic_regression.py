"""Logistic regression on MNIST, written against the TensorFlow 1.x graph API."""
import numpy as np
import tensorflow as tf

learning_rate = 0.01
training_epochs = 25
batch_size = 100


def main():
    rng = np.random.default_rng(0)
    features = rng.random((1000, 784), dtype=np.float32)
    labels = np.eye(10, dtype=np.float32)[rng.integers(0, 10, 1000)]

    x = tf.placeholder(tf.float32, [None, 784])
    y = tf.placeholder(tf.float32, [None, 10])
    W = tf.Variable(tf.zeros([784, 10]))
    b = tf.Variable(tf.zeros([10]))
    pred = tf.nn.softmax(tf.matmul(x, W) + b)
    cost = tf.reduce_mean(-tf.reduce_sum(y * tf.log(pred), reduction_indices=1))
    optimizer = tf.train.GradientDescentOptimizer(learning_rate).minimize(cost)

    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(training_epochs):
            for i in range(0, len(features), batch_size):
                _, c = sess.run([optimizer, cost], feed_dict={x: features[i:i + batch_size], y: labels[i:i + batch_size]})
            print("Epoch:", epoch + 1, "cost=", c)


if __name__ == "__main__":
    main()
