import numpy as np
import tensorflow as tf

from utils import graph

# training params
dataset = "cora"
nb_epochs = 200
lr = 0.01
hidden = 16

adj, features, labels = graph.load_data(dataset)
adj = graph.normalize_adj(adj).todense()
nb_nodes, ft_size = features.shape
nb_classes = labels.shape[1]

with tf.Graph().as_default():
    tf.set_random_seed(1)
    ftr_in = tf.placeholder(dtype=tf.float32, shape=(nb_nodes, ft_size))
    adj_in = tf.placeholder(dtype=tf.float32, shape=(nb_nodes, nb_nodes))
    lbl_in = tf.placeholder(dtype=tf.float32, shape=(nb_nodes, nb_classes))
    h = tf.nn.relu(tf.matmul(adj_in, tf.layers.dense(ftr_in, hidden)))
    logits = tf.matmul(adj_in, tf.layers.dense(h, nb_classes))
    loss = tf.reduce_mean(tf.nn.softmax_cross_entropy_with_logits_v2(labels=lbl_in, logits=logits))
    train_op = tf.train.AdamOptimizer(learning_rate=lr).minimize(loss)
    saver = tf.train.Saver()
    with tf.Session() as sess:
        sess.run(tf.global_variables_initializer())
        for epoch in range(nb_epochs):
            _, loss_value = sess.run([train_op, loss], feed_dict={ftr_in: features.todense(), adj_in: adj, lbl_in: labels})
            print("epoch", epoch, "loss", loss_value)
        saver.save(sess, "checkpoints/gcn.ckpt")
