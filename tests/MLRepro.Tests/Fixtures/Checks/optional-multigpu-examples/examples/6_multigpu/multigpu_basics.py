"""Splits a matrix power over two GPUs (needs a machine with 2 GPUs)."""
import numpy as np
import tensorflow as tf

a = np.random.default_rng(3).random((1000, 1000)).astype("float32")
results = []
b = tf.constant(a)
total = tf.reduce_sum(b)
with tf.device("/gpu:0"):
    results.append(tf.linalg.matmul(a, a))
with tf.device("/gpu:1"):
    results.append(tf.linalg.matmul(a, a))
with tf.device("/cpu:0"):
    print(tf.add_n(results).numpy().sum())
